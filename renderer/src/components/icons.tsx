// Small inline icons (stroke-based, 20px grid) so the app ships no icon font or remote asset.
import type { ReactElement } from 'react';

interface IconProps {
  readonly size?: number;
  readonly className?: string;
}

function icon(paths: ReactElement) {
  return function Icon({ size = 18, className }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        className={className}
      >
        {paths}
      </svg>
    );
  };
}

export const InboxIcon = icon(
  <>
    <path d="M3 11.5 5 4.5h10l2 7" />
    <path d="M3 11.5V16h14v-4.5h-4.2a2.8 2.8 0 0 1-5.6 0Z" />
  </>,
);
export const SearchIcon = icon(
  <>
    <circle cx="8.8" cy="8.8" r="5.3" />
    <path d="m13 13 4 4" />
  </>,
);
export const MailOpenIcon = icon(
  <>
    <path d="M3 8.5 10 4l7 4.5V16H3Z" />
    <path d="m3 8.5 7 4.5 7-4.5" />
  </>,
);
export const UserPlusIcon = icon(
  <>
    <circle cx="8" cy="7" r="3" />
    <path d="M2.8 16.5a5.3 5.3 0 0 1 10.4 0" />
    <path d="M15.5 6.5v5M13 9h5" />
  </>,
);
export const SparkIcon = icon(
  <>
    <path d="M10 2.8v3.4M10 13.8v3.4M2.8 10h3.4M13.8 10h3.4" />
    <path d="m5 5 2 2M13 13l2 2M15 5l-2 2M7 13l-2 2" />
  </>,
);
export const ShieldIcon = icon(
  <>
    <path d="M10 2.8 4 5v4.6c0 3.6 2.5 6.3 6 7.6 3.5-1.3 6-4 6-7.6V5Z" />
    <path d="m7.3 10 1.9 1.9 3.6-3.8" />
  </>,
);
