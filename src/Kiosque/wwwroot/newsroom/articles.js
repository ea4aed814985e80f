// Kiosque newsroom: the article editor's enhancements. The form works without this file; it adds the headline's
// character count, the dossier's name as the kicker's placeholder, the media library's search as you type, the
// library's alt/caption/credit when an image is chosen, and autosave of drafts every ten seconds of change.
(() => {
  'use strict';
  const form = document.getElementById('article-form');
  if (!form) return;

  const headline = form.querySelector('.ar-headline');
  const count = document.getElementById('headline-count');
  if (headline && count) {
    const limit = Number(headline.dataset.lengthHint || '90');
    const update = () => {
      const n = headline.value.length;
      count.textContent = `${n} ${count.dataset.unit} · ${count.dataset.hint}`;
      count.classList.toggle('ar-over', n > limit);
    };
    headline.addEventListener('input', update);
    update();
  }

  const dossier = form.querySelector('[data-kicker-source]');
  const kicker = form.querySelector('[name="Form.Kicker"]');
  if (dossier && kicker) {
    dossier.addEventListener('change', () => {
      kicker.placeholder = dossier.selectedOptions[0]?.dataset.name ?? '';
    });
  }

  // Choosing an image fills the empty alt, caption and credit with the library's.
  const fields = {
    alt: form.querySelector('[name="Form.LeadImageAlt"]'),
    caption: form.querySelector('[name="Form.LeadImageCaption"]'),
    credit: form.querySelector('[name="Form.LeadImageCredit"]'),
  };
  const filled = new WeakSet();
  form.addEventListener('change', (event) => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || radio.name !== 'Form.LeadImageId' || !radio.checked) return;
    for (const [key, input] of Object.entries(fields)) {
      if (!input) continue;
      if (input.value === '' || filled.has(input)) {
        input.value = radio.dataset[key] ?? '';
        filled.add(input);
      }
    }
  });
  for (const input of Object.values(fields)) input?.addEventListener('input', () => filled.delete(input));

  const search = form.querySelector('[data-media-search]');
  const choices = document.getElementById('media-choices');
  if (search && choices && form.dataset.mediasUrl) {
    let timer;
    search.addEventListener('keydown', (event) => {
      // Enter searches here instead of saving the whole form.
      if (event.key === 'Enter') { event.preventDefault(); refresh(); }
    });
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 300); });
    async function refresh() {
      const selected = form.querySelector('[name="Form.LeadImageId"]:checked')?.value ?? '';
      const url = `${form.dataset.mediasUrl}&q=${encodeURIComponent(search.value)}&selected=${encodeURIComponent(selected)}`;
      try {
        const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (response.ok) choices.innerHTML = await response.text();
      } catch { /* the search button still works */ }
    }
  }

  // Autosave: drafts only (the server says so with data-autosave), never over someone else's newer version.
  if (form.dataset.autosave !== 'on') return;
  const status = document.getElementById('autosave-status');
  const version = form.querySelector('[name="Form.Version"]');
  let dirty = false;
  let busy = false;
  let stopped = false;
  const changed = () => { dirty = true; };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  async function autosave() {
    if (!dirty || busy || stopped) return;
    busy = true;
    dirty = false;
    const data = new FormData(form);
    data.delete('Upload');
    data.delete('do');
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' },
      });
      const result = await response.json().catch(() => ({}));
      if (response.ok && result.saved) {
        if (version) version.value = result.version;
        if (form.getAttribute('action').endsWith('/nouveau')) {
          // The draft now exists: later saves update it instead of creating another.
          form.setAttribute('action', result.url);
          form.dataset.autosaveUrl = `${result.url}?handler=Autosave`;
          form.dataset.mediasUrl = `${result.url}?handler=Medias`;
          history.replaceState(null, '', result.url);
        }
        show(result.message, false);
      } else if (response.status === 409 || response.status === 403) {
        stopped = true;
        show(result.message || form.dataset.conflict, true);
      } else {
        dirty = true;
        show(result.message || form.dataset.failed, false);
      }
    } catch {
      dirty = true;
      show(form.dataset.failed, false);
    } finally {
      busy = false;
    }
  }

  function show(message, alarm) {
    if (!status) return;
    status.textContent = message ?? '';
    status.classList.toggle('ar-autosave-stopped', alarm);
    if (alarm) status.setAttribute('role', 'alert');
  }

  setInterval(autosave, 10000);
})();
