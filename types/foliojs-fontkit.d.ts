// @foliojs-fork/fontkit ships no types; it has the fontkit 1.x API that pdf-lib's Fontkit describes.
declare module "@foliojs-fork/fontkit" {
  import type { Fontkit } from "pdf-lib/cjs/types/fontkit";
  const fontkit: Fontkit;
  export default fontkit;
}
