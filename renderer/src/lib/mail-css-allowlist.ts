/** What mail CSS may keep: the property and function allowlists, and which URLs are safe. Data, read by `mail-css.ts`. */

export function isRemoteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

export function isSafeDataImage(value: string): boolean {
  return SAFE_DATA_IMAGE.test(value.trim());
}

export const PROPERTIES = new Set(
  `align-content align-items align-self background background-color background-image background-position
  background-repeat background-size background-clip background-origin border border-bottom border-bottom-color
  border-bottom-left-radius border-bottom-right-radius border-bottom-style border-bottom-width border-collapse
  border-color border-left border-left-color border-left-style border-left-width border-radius border-right
  border-right-color border-right-style border-right-width border-spacing border-style border-top border-top-color
  border-top-left-radius border-top-right-radius border-top-style border-top-width border-width bottom box-shadow
  box-sizing caption-side clear color column-count column-gap columns direction display empty-cells flex flex-basis
  flex-direction flex-flow flex-grow flex-shrink flex-wrap float font font-family font-size font-stretch font-style
  font-variant font-weight gap grid-template-columns grid-template-rows grid-column grid-row height hyphens
  justify-content left letter-spacing line-height list-style list-style-image list-style-position list-style-type
  margin margin-bottom margin-left margin-right margin-top max-height max-width min-height min-width mso-line-height-rule
  object-fit opacity outline outline-color outline-style outline-width overflow overflow-wrap overflow-x overflow-y
  padding padding-bottom padding-left padding-right padding-top position right row-gap table-layout text-align
  text-decoration text-decoration-color text-decoration-line text-decoration-style text-indent text-overflow
  text-shadow text-transform top transform transform-origin unicode-bidi vertical-align visibility white-space width
  word-break word-spacing word-wrap z-index -webkit-text-size-adjust -ms-text-size-adjust`.split(/\s+/),
);
/** Properties where an image URL is meaningful (and may be kept once images are allowed). */
export const IMAGE_PROPERTIES = new Set(['background', 'background-image', 'list-style', 'list-style-image']);
export const FUNCTIONS = new Set(
  `rgb rgba hsl hsla hwb calc min max clamp linear-gradient radial-gradient repeating-linear-gradient
  repeating-radial-gradient conic-gradient translate translatex translatey rotate scale scalex scaley skew skewx
  skewy matrix`.split(/\s+/),
);
/** Functions whose arguments the browser may fetch: always removed, always counted. */
export const FETCHING_FUNCTIONS = /^(?:-webkit-)?(?:url|src|image-set|image|cross-fade|element|paint)$/;
export const URLISH = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
export const AT_BLOCKS = new Set(['media', 'supports']);
export const FETCHING_AT_RULES = new Set(['import', 'font-face', 'namespace', '-moz-document', 'document', 'property', 'counter-style']);
