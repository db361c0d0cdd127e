// Every page test of the mock launches the repo's one Chromium launcher.
export { launchChromium } from '@org/nxwa-chromium';
