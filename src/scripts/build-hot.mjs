import { buildHotRoutes, HOT_BUNDLE } from "./lib/hot-build.mjs";

// `npm run build` after `next build`: the hot write routes for serve.mjs (see lib/hot-build.mjs).
const { metafile } = await buildHotRoutes();
console.log(`[hot] ${HOT_BUNDLE}: ${Object.keys(metafile.inputs).length} modules`);
