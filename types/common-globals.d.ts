/**
 * The only globals common/ may use: WHATWG APIs that Node, Chromium and the sandboxed
 * preload all have. common/ is type-checked with these and nothing else (no DOM, no Node).
 */
// A global value and its type are declared together with `var`, as lib.dom.d.ts does.
/* eslint-disable no-var */
interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

interface URL {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
declare var URL: { prototype: URL; new (url: string, base?: string): URL };

declare function atob(data: string): string;
