// Moderation queue shortcuts: j/k move between comments, a approves, r rejects, s marks as spam.
// The page works without this file: every action is a plain form button.
(function () {
  const items = Array.from(document.querySelectorAll('.queue-item'));
  if (items.length === 0) return;
  let current = -1;
  function select(index) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove('is-current');
    current = index;
    items[current].classList.add('is-current');
    items[current].focus();
  }
  document.addEventListener('keydown', function (event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'j') { select(current + 1); event.preventDefault(); }
    else if (event.key === 'k') { select(current < 0 ? 0 : current - 1); event.preventDefault(); }
    else if (current >= 0 && ['a', 'r', 's'].includes(event.key)) {
      const button = items[current].querySelector('button[data-key="' + event.key + '"]');
      if (button) { button.click(); event.preventDefault(); }
    }
  });
})();
