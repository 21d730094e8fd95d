import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface PaneSplitterProps {
  /** 'vertical' sits between two columns and drags left/right; 'horizontal' between rows. */
  readonly orientation: 'vertical' | 'horizontal';
  readonly label: string;
  /** The pane size it moves, within its bounds. */
  readonly size: { readonly value: number; readonly min: number; readonly max: number; readonly set: (value: number) => void };
  readonly testId: string;
}

const KEY_STEP = 16;

/** A drag handle between panes; arrow keys move it too, so it works without a mouse. */
export function PaneSplitter({ orientation, label, size, testId }: PaneSplitterProps) {
  const { value, min, max, set: onChange } = size;
  const drag = useRef<{ start: number; from: number } | null>(null);
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)));
  const coordinate = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: coordinate(e), from: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onChange(clamp(drag.current.from + coordinate(e) - drag.current.start));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    if (e.key !== back && e.key !== forward) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(clamp(value + (e.key === forward ? KEY_STEP : -KEY_STEP)));
  };

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation === 'vertical' ? 'vertical' : 'horizontal'}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`splitter splitter--${orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}
