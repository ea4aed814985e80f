// Progressive enhancement of the media upload form: dropping files on it fills the file input and submits the
// same form the picker uses, so the server sees one kind of upload and the page works without this script.
(() => {
  for (const form of document.querySelectorAll('form[data-media-upload]')) {
    const input = form.querySelector('input[type=file]');
    if (!input || typeof DataTransfer === 'undefined') continue;
    form.querySelector('[data-drop-hint]')?.removeAttribute('hidden');
    const on = (e) => { e.preventDefault(); form.classList.add('nr-dragover'); };
    const off = () => form.classList.remove('nr-dragover');
    form.addEventListener('dragenter', on);
    form.addEventListener('dragover', on);
    form.addEventListener('dragleave', off);
    form.addEventListener('drop', (e) => {
      e.preventDefault();
      off();
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(f);
      input.files = transfer.files;
      form.requestSubmit();
    });
  }
})();
