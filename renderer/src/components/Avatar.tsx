import { avatarHue, initialsFor } from '../lib/format';

interface AvatarProps {
  readonly name: string;
  readonly email: string;
  readonly initials?: string;
  readonly size?: number;
}

/** Initials on a colour derived from the address, so a person keeps their colour. */
export function Avatar({ name, email, initials, size = 28 }: AvatarProps) {
  const hue = avatarHue(email || name);
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.4),
        ['--avatar-hue' as string]: String(hue),
      }}
    >
      {initials || initialsFor(name, email)}
    </span>
  );
}
