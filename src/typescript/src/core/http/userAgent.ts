import { packageVersion } from "../../generated/version.js";

/** `astro-triggers-sdk-js/<version> (Node <version>; <platform>)`, sent on every request. */
export const userAgent = `astro-triggers-sdk-js/${packageVersion} (Node ${process.versions.node}; ${process.platform})`;
