// Written for run.mjs (not a WPT file): the part of WPT's resources/testdriver.js that the Summarizer tests call.
// bless() gives a real user activation the way WPT's testdriver does: it adds a button to the target window's
// document and has the browser click it, here through run.mjs's binding __wptClick (Playwright) rather than
// WebDriver, then runs the action.
(function () {
  let count = 0;

  async function clickById(id) {
    if (typeof window.__wptClick !== 'function') {
      throw new Error('run.mjs testdriver: no __wptClick binding in this frame');
    }
    await window.__wptClick(id);
  }

  window.test_driver = {
    set_test_context(context) {
      this.context = context;
    },

    async bless(intent, action, context = null) {
      const win = context || window;
      const doc = win.document;
      const button = doc.createElement('button');
      button.id = `wpt-test-driver-bless-${++count}-${Math.random().toString(36).slice(2)}`;
      button.textContent = `This button represents a user gesture${intent ? ': ' + intent : ''}`;
      const clicked = new Promise((resolve) => button.addEventListener('click', resolve, { once: true }));
      (doc.body || doc.documentElement).appendChild(button);
      // A click can miss while the page is still laying out; try again until the button hears one.
      let heard = false;
      clicked.then(() => { heard = true; });
      for (let attempt = 0; !heard; attempt++) {
        if (attempt === 5) {
          throw new Error('run.mjs testdriver: bless: the button never received a click');
        }
        await clickById(button.id);
        await Promise.race([clicked, new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
      button.remove();
      return typeof action === 'function' ? action() : null;
    },

    async click(element) {
      if (!element.id) {
        element.id = `wpt-test-driver-click-${++count}`;
      }
      await clickById(element.id);
    },
  };
})();
