/**
 * The one way a value enters a Graph URL: OData string literals quote-doubled, then the whole query
 * value percent-encoded, since Graph and SharePoint decode the query string as a form does (`+` is a
 * space, `%XX` is decoded, `&` and `#` end the value). Message ids such as Gmail's
 * `<CAJ+x7Q=…@mail.gmail.com>` hold `+`, `=`, `/`; without this they are never found again, and
 * an id holding `%2B` would find another member's item.
 */

/** A string as an OData literal: in single quotes, each quote doubled. */
export function odataString(value: string): string {
  return `'${wellFormed(value).replace(/'/g, "''")}'`;
}

/** A lone surrogate cannot be percent-encoded (encodeURIComponent throws): it becomes U+FFFD, as a UTF-8 decoder would read it. */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** A value for the query string, percent-encoded so nothing in it is read as syntax. */
export function queryValue(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

/** `$filter` for one indexed column equal to a string, encoded for the URL. */
export function filterEq(column: string, value: string): string {
  return queryValue(`fields/${column} eq ${odataString(value)}`);
}

/** A `$filter` expression (built with `odataString` for its values), encoded for the URL. */
export function filterParam(expression: string): string {
  return queryValue(expression);
}

/** A path segment (a site id, a list name, an item id), encoded. */
export function pathSegment(value: string): string {
  return encodeURIComponent(wellFormed(value));
}
