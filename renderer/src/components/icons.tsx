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
export const StarIcon = icon(<path d="m10 2.9 2.1 4.4 4.8.6-3.5 3.3.9 4.8L10 13.7 5.7 16l.9-4.8-3.5-3.3 4.8-.6Z" />);
export const SendIcon = icon(
  <>
    <path d="M17 3 8.5 11.5" />
    <path d="M17 3 11.8 17l-3.3-5.5L3 8.2Z" />
  </>,
);
export const DraftIcon = icon(
  <>
    <path d="M12.8 3.8 16.2 7.2 7.4 16H4v-3.4Z" />
    <path d="m11 5.6 3.4 3.4" />
  </>,
);
export const ImportantIcon = icon(<path d="M3.5 5h9.3l3.7 5-3.7 5H3.5l3.7-5Z" />);
export const ArchiveIcon = icon(
  <>
    <rect x="3" y="4" width="14" height="3.4" rx="1" />
    <path d="M4.3 7.4V15a1 1 0 0 0 1 1h9.4a1 1 0 0 0 1-1V7.4M8.2 10.5h3.6" />
  </>,
);
export const SpamIcon = icon(
  <>
    <path d="M7 2.9h6l4.1 4.1v6L13 17.1H7L2.9 13V7Z" />
    <path d="M10 6.5v4M10 13.4v.1" />
  </>,
);
export const TrashIcon = icon(
  <>
    <path d="M3.5 5.5h13M8 5.5V3.8h4v1.7M5 5.5l.8 10.7h8.4l.8-10.7" />
  </>,
);
export const PersonIcon = icon(
  <>
    <circle cx="10" cy="7" r="3.2" />
    <path d="M4 16.5a6 6 0 0 1 12 0" />
  </>,
);
export const PeopleIcon = icon(
  <>
    <circle cx="7.5" cy="7.5" r="2.7" />
    <path d="M2.5 16a5 5 0 0 1 10 0" />
    <path d="M12.5 5.2a2.6 2.6 0 1 1 .9 5M14 11.6a4.7 4.7 0 0 1 3.5 4.4" />
  </>,
);
export const TagIcon = icon(
  <>
    <path d="M3 3h6.6l7.4 7.4-6.6 6.6L3 9.6Z" />
    <circle cx="6.8" cy="6.8" r="1.2" />
  </>,
);
export const InfoIcon = icon(
  <>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 9v4.5M10 6.5v.1" />
  </>,
);
export const ForumIcon = icon(
  <>
    <path d="M3 4h10v7H7l-4 3Z" />
    <path d="M13 7h4v7l-3-2.4H9V11" />
  </>,
);
export const LabelIcon = icon(<path d="M3 5.5A1.5 1.5 0 0 1 4.5 4h8.2l4.3 6-4.3 6H4.5A1.5 1.5 0 0 1 3 14.5Z" />);
export const ChevronIcon = icon(<path d="m7.5 5 5 5-5 5" />);
export const ChevronDownIcon = icon(<path d="m5 7.5 5 5 5-5" />);
export const PaperclipIcon = icon(<path d="m16.2 9.6-6.3 6.3a3.9 3.9 0 0 1-5.5-5.5l6.6-6.6a2.6 2.6 0 0 1 3.7 3.7l-6.6 6.5a1.3 1.3 0 0 1-1.8-1.8l6-6" />);
export const MoreIcon = icon(
  <>
    <circle cx="5" cy="10" r="0.6" />
    <circle cx="10" cy="10" r="0.6" />
    <circle cx="15" cy="10" r="0.6" />
  </>,
);
export const CloseIcon = icon(<path d="m5 5 10 10M15 5 5 15" />);
export const ArrowLeftIcon = icon(<path d="M16 10H4m5-5-5 5 5 5" />);
export const RefreshIcon = icon(
  <>
    <path d="M16 10a6 6 0 1 1-1.8-4.3" />
    <path d="M16.3 3.5v3.4h-3.4" />
  </>,
);
export const DownloadIcon = icon(
  <>
    <path d="M10 3.5v9M6.2 8.8 10 12.6l3.8-3.8" />
    <path d="M3.8 14.5v1.7h12.4v-1.7" />
  </>,
);
export const FileIcon = icon(
  <>
    <path d="M5 2.8h6.5L15 6.3v10.9H5Z" />
    <path d="M11.3 2.8v3.7H15" />
  </>,
);
export const ImageIcon = icon(
  <>
    <rect x="3" y="4" width="14" height="12" rx="1.6" />
    <circle cx="7.3" cy="8.2" r="1.3" />
    <path d="m3.5 14.5 4.2-3.9 3 2.7 2.3-2 3.5 3" />
  </>,
);
export const EyeOffIcon = icon(
  <>
    <path d="M3 3l14 14" />
    <path d="M8.4 5.2A7.8 7.8 0 0 1 10 5c4.2 0 6.8 3.5 7.5 5-.3.7-1 1.8-2 2.8M12.6 14.4A7.6 7.6 0 0 1 10 15c-4.2 0-6.8-3.5-7.5-5 .4-.9 1.3-2.2 2.7-3.3" />
    <path d="M8.6 8.6a2 2 0 0 0 2.8 2.8" />
  </>,
);
export const KeyboardIcon = icon(
  <>
    <rect x="2.5" y="5" width="15" height="10" rx="1.6" />
    <path d="M5.5 8h.1M8.5 8h.1M11.5 8h.1M14.5 8h.1M5.5 11h.1M14.5 11h.1M8 12h4" />
  </>,
);
export const WifiOffIcon = icon(
  <>
    <path d="M3 3l14 14" />
    <path d="M2.5 8a10.5 10.5 0 0 1 4-2.4M10 5a10.6 10.6 0 0 1 7.5 3M5 11a6.8 6.8 0 0 1 3-1.7M12.6 9.6A6.8 6.8 0 0 1 15 11M8 13.8a3 3 0 0 1 4 0" />
    <path d="M10 16.3v.1" />
  </>,
);
export const KeyIcon = icon(
  <>
    <circle cx="6.5" cy="13.5" r="3" />
    <path d="m8.7 11.3 7.3-7.3M13.5 6.5 15.5 8.5M11.8 8.2l1.6 1.6" />
  </>,
);
export const UploadIcon = icon(
  <>
    <path d="M10 13V3.8M6.2 7.6 10 3.8l3.8 3.8" />
    <path d="M3.8 14.5v1.7h12.4v-1.7" />
  </>,
);
export const ThreadIcon = icon(
  <>
    <path d="M4 5h12M4 10h12M4 15h7" />
  </>,
);
export const ExternalIcon = icon(
  <>
    <path d="M11.5 3.5H16.5V8.5M16.5 3.5 9.5 10.5" />
    <path d="M14.5 11.5v4.5h-11v-11H8" />
  </>,
);
export const SignOutIcon = icon(
  <>
    <path d="M8 16.5H4.5v-13H8M13 6.5 16.5 10 13 13.5M16.5 10h-9" />
  </>,
);
export const CheckIcon = icon(<path d="m4.5 10.5 3.5 3.5 7.5-8" />);
export const ClockIcon = icon(
  <>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6v4l2.6 1.8" />
  </>,
);
export const ExpandIcon = icon(<path d="M6 8l4-4 4 4M6 12l4 4 4-4" />);
export const SettingsIcon = icon(
  <>
    <circle cx="10" cy="10" r="2.6" />
    <path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4" />
  </>,
);
