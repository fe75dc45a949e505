// The extension's background: the toolbar button and the "Summarize selection" menu item. Each opens the panel,
// reads the text from the page the user chose, and leaves it in session storage, where the panel picks it up and
// summarizes it. The engine never runs here or in the page: only the panel loads it.
//
// Pages are read only when the user asks. The click on the button, the shortcut or the menu item grants activeTab:
// access to that one tab until it navigates. So the extension holds no host permission and never reads a page
// nobody asked about. Readability (vendor/Readability.js, the extension's own copy) is injected into the page's
// isolated world; only strings come back.
//
// A classic script rather than a module: Chrome runs it as the service worker and Firefox as an event page, and
// the same file serves both.

const api = globalThis.browser ?? globalThis.chrome;

const MENU_ID = 'summarize-selection';

// Fewer words than this is not an article: Readability also "finds" login forms, cookie notices and link lists,
// and their few words make no key points. The shortest news briefs run to about a hundred words.
const MIN_ARTICLE_WORDS = 60;

// Where this browser shows the panel: Chrome's side panel, Firefox's sidebar, or a popup where neither exists.
const surface = api.sidePanel ? 'side-panel' : api.sidebarAction ? 'sidebar' : 'popup';
if (surface === 'popup') {
  // The popup opens on the click, and asks for the page itself (see panel.js).
  api.action.setPopup({ popup: 'panel.html?popup' });
}

// The latest request for each window: a slower, older read that finishes after a newer one is dropped.
const latest = new Map();

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: MENU_ID, title: 'Summarize selection', contexts: ['selection'] });
});
api.action.onClicked.addListener(onActionClicked);
api.contextMenus.onClicked.addListener(onMenuClicked);
api.runtime.onMessage.addListener(onMessage);
api.windows?.onRemoved.addListener((windowId) => api.storage.session.remove(storageKey(windowId)));

/** onActionClicked handles the toolbar button (and its shortcut): the article of the tab, as key points. */
function onActionClicked(tab) {
  openPanel(tab);
  return summarizePage(tab);
}

/** onMenuClicked handles "Summarize selection": the selected text of the tab's frame, summarized as it is. */
function onMenuClicked(info, tab) {
  if (info.menuItemId !== MENU_ID || !tab) {
    return undefined;
  }
  openPanel(tab);
  return summarizeSelection(info, tab);
}

// The popup, which cannot be told about a click it opened on, asks for its tab's article itself.
function onMessage(message, sender) {
  if (sender.id !== api.runtime.id || message?.type !== 'summarize-tab') {
    return undefined;
  }
  api.tabs.get(message.tabId).then(summarizePage, (err) => console.warn('keypoints:', err?.message ?? err));
  return undefined;
}

// openPanel shows the panel in the tab's window. It must run before the handler's first await: browsers open
// panels only while handling the user's gesture. Failing to open (no gesture, a browser without the API) does not
// stop the reading: an open panel, or the next one to open, still shows the result.
function openPanel(tab) {
  let opening;
  try {
    if (surface === 'side-panel') {
      opening = api.sidePanel.open({ windowId: tab.windowId });
    } else if (surface === 'sidebar') {
      opening = api.sidebarAction.open();
    } else {
      opening = api.action.openPopup?.();
    }
  } catch (err) {
    opening = Promise.reject(err);
  }
  Promise.resolve(opening).catch((err) => console.warn('keypoints: the panel did not open:', err?.message ?? err));
}

/** summarizePage reads the tab's article with Readability and hands it to the panel. */
async function summarizePage(tab) {
  const request = begin(tab, 'page');
  await deliver(request, { state: 'reading' });
  await deliver(request, await readArticle(tab.id));
}

/** summarizeSelection hands the text selected in the menu's frame to the panel. */
async function summarizeSelection(info, tab) {
  const request = begin(tab, 'selection');
  await deliver(request, { state: 'reading' });
  const text = (await readSelection(tab.id, info.frameId)) || info.selectionText || '';
  await deliver(request, text.trim() ? { state: 'ready', text } : { state: 'no-selection' });
}

function begin(tab, kind) {
  const request = {
    id: crypto.randomUUID(),
    kind,
    tabId: tab.id,
    windowId: tab.windowId,
    title: tab.title ?? '',
    url: tab.url ?? '',
  };
  latest.set(tab.windowId, request.id);
  return request;
}

// deliver stores what the request found under its window's key; the panel listens for changes there. The text of
// the article is stored too, so the panel can change length or type without reading the page again.
async function deliver(request, found) {
  if (latest.get(request.windowId) !== request.id) {
    return;
  }
  const record = { ...request, ...found, time: Date.now() };
  await api.storage.session.set({ [storageKey(request.windowId)]: record });
}

function storageKey(windowId) {
  return `article:${windowId}`;
}

// readArticle injects Readability and extractArticle into the tab and resolves to what extractArticle returns,
// or to {state: "unreadable"} where the browser keeps extensions out (its own pages, the web store, viewers).
async function readArticle(tabId) {
  try {
    await api.scripting.executeScript({ target: { tabId }, files: ['vendor/Readability.js'] });
    const [injection] = await api.scripting.executeScript({
      target: { tabId },
      func: extractArticle,
      args: [MIN_ARTICLE_WORDS],
    });
    // Firefox resolves to no injection at all, rather than rejecting, in a page it keeps extensions out of.
    if (!injection) {
      return { state: 'unreadable', reason: 'no frame of the page could be read' };
    }
    return injection.result ?? { state: 'no-article' };
  } catch (err) {
    return { state: 'unreadable', reason: String(err?.message ?? err) };
  }
}

// readSelection resolves to the frame's selection as the page shows it, line breaks between blocks kept (the
// menu's selectionText runs them together), or to "" when the frame cannot be read (a frame of another site).
async function readSelection(tabId, frameId = 0) {
  try {
    const [injection] = await api.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: () => String(globalThis.getSelection?.() ?? ''),
    });
    return typeof injection?.result === 'string' ? injection.result : '';
  } catch {
    return '';
  }
}

// extractArticle runs in the page, after Readability.js, and must not refer to anything outside itself. It finds
// the article in a copy of the document (Readability changes what it reads) and returns it as plain text: the title
// first, then one block per paragraph, heading or list item, blank lines between them, which is how the engine
// tells headings (its themes) from paragraphs. Scripts, images and controls inside the article are left out.
function extractArticle(minWords) {
  const BLOCKS = new Set([
    'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
    'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
    'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  ]);
  const SKIP = new Set([
    'audio', 'button', 'canvas', 'iframe', 'img', 'input', 'math', 'noscript', 'object', 'picture', 'script',
    'select', 'style', 'svg', 'template', 'textarea', 'video',
  ]);
  const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

  let article = null;
  try {
    article = new Readability(document.cloneNode(true), { serializer: (el) => el }).parse();
  } catch {
    article = null;
  }
  if (!article?.content) {
    return { state: 'no-article' };
  }

  const blocks = [];
  let line = '';
  const flush = () => {
    const text = clean(line);
    if (text) {
      blocks.push(text);
    }
    line = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.localName;
        if (SKIP.has(tag)) {
          continue;
        }
        if (tag === 'br') {
          line += ' ';
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) {
          flush();
        }
        walk(child);
        if (block) {
          flush();
        }
      }
    }
  };
  walk(article.content);
  flush();

  const words = blocks.join(' ').split(' ').filter(Boolean).length;
  if (words < minWords) {
    return { state: 'no-article' };
  }
  const title = clean(article.title);
  if (title && blocks[0] !== title) {
    blocks.unshift(title);
  }
  return {
    state: 'ready',
    title: title || clean(document.title),
    site: clean(article.siteName),
    text: blocks.join('\n\n'),
  };
}
