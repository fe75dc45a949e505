// The flags every headless run of Debian's Chromium in this repository shares (the page tests, the extension tests,
// the browser benchmark): the new headless mode, and nothing that talks to the network on its own, so request
// counts see only what the page asks for. Built-ins only, so any folder's harness can import it.
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
