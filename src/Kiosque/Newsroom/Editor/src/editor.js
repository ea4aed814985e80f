// Kiosque's newsroom body editor: turns every <textarea data-rich-editor> into a TipTap editor whose HTML is
// kept in the textarea, so the form posts without any other script. No inline styles or scripts: the page's
// Content-Security-Policy allows neither.
import { Editor, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { isVideoUrl } from './video.js';

// Only what Content/HtmlSanitizing.cs keeps, so what the journalist sees is what gets stored.
const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
const safeUrl = (url) => SAFE_URL.test(url);

/** An image with its caption and credit: <figure><img><figcaption>caption <small>credit</small></figcaption></figure>. */
const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { src: { default: null }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } };
  },
  parseHTML() {
    return [{
      tag: 'figure',
      getAttrs: (figure) => {
        const img = figure.querySelector('img');
        if (!img || figure.classList.contains('embed')) return false;
        const caption = figure.querySelector('figcaption');
        const credit = caption?.querySelector('small');
        const captionText = caption
          ? [...caption.childNodes].filter((n) => n !== credit).map((n) => n.textContent).join('').trim()
          : '';
        return {
          src: img.getAttribute('src'),
          alt: img.getAttribute('alt') ?? '',
          caption: captionText,
          credit: credit?.textContent.trim() ?? '',
        };
      },
    }];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit } = node.attrs;
    const figcaption = ['figcaption'];
    if (caption) figcaption.push(credit ? caption + ' ' : caption);
    if (credit) figcaption.push(['small', credit]);
    return caption || credit ? ['figure', ['img', { src, alt }], figcaption] : ['figure', ['img', { src, alt }]];
  },
});

/** A YouTube, Vimeo or Dailymotion video, stored as a plain link the reader site turns into a player. */
const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { src: { default: null } };
  },
  parseHTML() {
    return [{
      tag: 'figure.embed',
      priority: 60,
      getAttrs: (figure) => {
        const href = figure.querySelector('a')?.getAttribute('href');
        return href && isVideoUrl(href) ? { src: href } : false;
      },
    }];
  },
  renderHTML({ node }) {
    return ['figure', { class: 'embed' }, ['a', { href: node.attrs.src }, node.attrs.src]];
  },
});

const BUTTONS = [
  { name: 'bold', label: 'Gras (Ctrl+B)', text: 'G', run: (c) => c.toggleBold(), active: (e) => e.isActive('bold') },
  { name: 'italic', label: 'Italique (Ctrl+I)', text: 'I', run: (c) => c.toggleItalic(), active: (e) => e.isActive('italic') },
  { name: 'h2', label: 'T2 : intertitre', text: 'T2', run: (c) => c.toggleHeading({ level: 2 }), active: (e) => e.isActive('heading', { level: 2 }) },
  { name: 'h3', label: 'T3 : sous-intertitre', text: 'T3', run: (c) => c.toggleHeading({ level: 3 }), active: (e) => e.isActive('heading', { level: 3 }) },
  { name: 'bulletList', label: 'Liste à puces', text: '•', run: (c) => c.toggleBulletList(), active: (e) => e.isActive('bulletList') },
  { name: 'orderedList', label: '1. Liste numérotée', text: '1.', run: (c) => c.toggleOrderedList(), active: (e) => e.isActive('orderedList') },
  { name: 'blockquote', label: 'Citation', text: '«»', run: (c) => c.toggleBlockquote(), active: (e) => e.isActive('blockquote') },
  { name: 'link', label: 'Lien', text: 'Lien', action: promptLink, active: (e) => e.isActive('link') },
  { name: 'image', label: 'Image avec légende', text: 'Image', action: promptImage },
  { name: 'embed', label: 'Vidéo (YouTube, Vimeo, Dailymotion)', text: 'Vidéo', action: promptEmbed },
  { name: 'undo', label: 'Annuler (Ctrl+Z)', text: '↶', run: (c) => c.undo(), enabled: (e) => e.can().undo() },
  { name: 'redo', label: 'Rétablir (Ctrl+Maj+Z)', text: '↷', run: (c) => c.redo(), enabled: (e) => e.can().redo() },
];

function promptLink(editor) {
  const current = editor.getAttributes('link').href ?? 'https://';
  const url = window.prompt('Adresse du lien (vide pour retirer le lien) :', current);
  if (url === null) return;
  const href = url.trim();
  if (href === '' || href === 'https://') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  } else if (safeUrl(href)) {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  } else {
    window.alert('Adresse refusée : elle doit commencer par https://, http://, mailto:, tel: ou /.');
  }
}

function promptImage(editor) {
  // The media library's picker will call kiosqueEditor.insertImage instead of these prompts.
  const src = window.prompt('Adresse de l’image (par exemple /media/2026/11/….jpg) :', '/media/');
  if (src === null || src.trim() === '' || src.trim() === '/media/') return;
  let alt = '';
  while (alt.trim() === '') {
    alt = window.prompt('Texte alternatif (obligatoire) : que montre l’image ?', '');
    if (alt === null) return;
  }
  const caption = window.prompt('Légende (facultative) :', '') ?? '';
  const credit = window.prompt('Crédit (facultatif), par exemple ©Nom / Agence :', '') ?? '';
  insertImage(editor, { src, alt, caption, credit });
}

function promptEmbed(editor) {
  const url = window.prompt('Adresse de la vidéo YouTube, Vimeo ou Dailymotion :', 'https://');
  if (url === null || url.trim() === '' || url.trim() === 'https://') return;
  if (!insertEmbed(editor, url)) window.alert('Seules les vidéos YouTube, Vimeo et Dailymotion peuvent être intégrées.');
}

function insertImage(editor, { src, alt = '', caption = '', credit = '' }) {
  const url = String(src ?? '').trim();
  if (!safeUrl(url)) return false;
  return insertBlock(editor, {
    type: 'figure',
    attrs: { src: url, alt: String(alt).trim(), caption: String(caption).trim(), credit: String(credit).trim() },
  });
}

function insertEmbed(editor, src) {
  const url = String(src ?? '').trim();
  if (!isVideoUrl(url)) return false;
  return insertBlock(editor, { type: 'embed', attrs: { src: url } });
}

// An inserted figure ends up selected; typing or inserting again would replace it. The caret goes to the
// text after it instead, in a new paragraph when nothing follows.
function insertBlock(editor, node) {
  if (!editor.chain().focus().insertContent(node).run()) return false;
  const { state } = editor;
  if (!(state.selection instanceof NodeSelection)) return true;
  const after = state.selection.to;
  const next = TextSelection.findFrom(state.doc.resolve(after), 1, true);
  if (next && next.from >= after) editor.view.dispatch(state.tr.setSelection(next).scrollIntoView());
  else editor.commands.createParagraphNear();
  return true;
}

function labelFor(textarea) {
  if (textarea.id) {
    const label = document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`);
    if (label) {
      if (!label.id) label.id = `${textarea.id}-label`;
      return { 'aria-labelledby': label.id };
    }
  }
  return { 'aria-label': textarea.getAttribute('aria-label') || 'Corps de l’article' };
}

function buildToolbar(editor, controls) {
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Mise en forme');
  toolbar.setAttribute('aria-controls', controls);

  const buttons = BUTTONS.map((spec, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `rich-editor-button rich-editor-${spec.name}`;
    button.dataset.command = spec.name;
    button.textContent = spec.text;
    button.title = spec.label;
    button.setAttribute('aria-label', spec.label);
    // One stop in the Tab order for the whole toolbar; arrows move within it.
    button.tabIndex = index === 0 ? 0 : -1;
    if (spec.active) button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      if (spec.action) spec.action(editor);
      else spec.run(editor.chain().focus()).run();
    });
    toolbar.append(button);
    return button;
  });

  toolbar.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    buttons.forEach((b) => { b.tabIndex = b === target ? 0 : -1; });
    target.focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    if (buttons.includes(event.target)) buttons.forEach((b) => { b.tabIndex = b === event.target ? 0 : -1; });
  });

  const refresh = () => {
    BUTTONS.forEach((spec, i) => {
      if (spec.active) buttons[i].setAttribute('aria-pressed', String(spec.active(editor)));
      if (spec.enabled) buttons[i].disabled = !spec.enabled(editor);
    });
  };
  return { toolbar, refresh };
}

let counter = 0;

function enhance(textarea) {
  if (textarea.dataset.richEditorReady) return null;
  textarea.dataset.richEditorReady = 'true';

  const wrapper = document.createElement('div');
  wrapper.className = 'rich-editor';
  const mount = document.createElement('div');
  mount.className = 'rich-editor-mount';
  const contentId = `rich-editor-${++counter}`;

  const editor = new Editor({
    element: mount,
    injectCSS: false,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: false,
        code: false,
        codeBlock: false,
      }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => safeUrl(url),
      }),
      Figure,
      Embed,
    ],
    editorProps: {
      attributes: {
        id: contentId,
        class: 'rich-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...labelFor(textarea),
      },
    },
  });

  const { toolbar, refresh } = buildToolbar(editor, contentId);
  wrapper.append(toolbar, mount);
  textarea.hidden = true;
  textarea.after(wrapper);

  const sync = () => {
    // The empty paragraph the editor keeps last (to type after a figure) is not part of the article.
    const html = editor.isEmpty ? '' : editor.getHTML().replace(/(<p><\/p>)+$/, '');
    if (textarea.value === html) return;
    textarea.value = html;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  };
  editor.on('update', () => { sync(); refresh(); });
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  textarea.form?.addEventListener('submit', sync);
  refresh();

  const api = {
    editor,
    textarea,
    insertImage: (image) => insertImage(editor, image ?? {}),
    insertEmbed: (src) => insertEmbed(editor, src),
    getHTML: () => textarea.value,
  };
  editors.push(api);
  return api;
}

const editors = [];

function enhanceAll(root = document) {
  root.querySelectorAll('textarea[data-rich-editor]').forEach(enhance);
}

// The media picker and autosave talk to the editor through this object; with several editors on a page,
// insertImage goes to the one that last had focus.
let lastFocused = null;
document.addEventListener('focusin', (event) => {
  const found = editors.find((e) => e.editor.view.dom.parentElement?.parentElement?.contains(event.target));
  if (found) lastFocused = found;
});

window.kiosqueEditor = {
  editors,
  enhanceAll,
  insertImage: (image) => (lastFocused ?? editors[0])?.insertImage(image) ?? false,
  insertEmbed: (src) => (lastFocused ?? editors[0])?.insertEmbed(src) ?? false,
  isVideoUrl,
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => enhanceAll());
else enhanceAll();
