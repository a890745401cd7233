// Stands in for d3-geo and topojson-client in the webview bundle: vega imports
// them for maps (geo expression functions, TopoJSON data), which Faraday's
// figures never use. A spec that asked for them would fail with this message.
function noMaps(): never {
  throw new Error('maps (geographic projections, TopoJSON) are not part of the Faraday preview');
}
export const geoArea = noMaps;
export const geoBounds = noMaps;
export const geoCentroid = noMaps;
export const feature = noMaps;
export const mesh = noMaps;
