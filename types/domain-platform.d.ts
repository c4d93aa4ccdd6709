/**
 * The only platform globals the domain core may use, for tsconfig.domain.json (which has no DOM,
 * node or office-js types): the WHATWG Encoding API, present in every runtime the product runs in
 * (browsers, Node, Outlook's JavaScript runtimes).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { readonly fatal?: boolean; readonly ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
