import type { ReactNode } from 'react';

interface TextButtonProps {
  readonly variant: 'primary' | 'secondary' | 'ghost';
  readonly size?: 'small' | 'large';
  readonly onClick: () => void;
  readonly children: ReactNode;
}

/** A `.button` (styles/controls.css) with only words on it. */
export function TextButton({ variant, size, onClick, children }: TextButtonProps) {
  return (
    <button type="button" className={`button button--${variant}${size ? ` button--${size}` : ''}`} onClick={onClick}>
      {children}
    </button>
  );
}
