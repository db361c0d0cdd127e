// Chromium: the page loads this module; the test calls `nxwaRuntimeMatrix(config)` and gets the report.
import { runChecks } from '../checks.js';

(globalThis as { nxwaRuntimeMatrix?: typeof runChecks }).nxwaRuntimeMatrix = runChecks;
