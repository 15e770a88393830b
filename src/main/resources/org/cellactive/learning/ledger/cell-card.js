// The card both labelling pages show for one cell (queries.html, offline; serve's page, live): the crop
// with the cell's box outlined, or why there is no crop; the cell key; the image and VOC box; the class
// probabilities, or the cold-start note. Each page adds its own answer buttons. Every value goes into the
// page as text (textContent, attributes), never as markup.
var CellCard = (function () {
  'use strict';
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function pct(v, whole) { return (100 * v / whole) + '%'; }
  // c: { index, key, imageId, voc: [xmin, ymin, xmax, ymax],
  //      src: the crop's URL or null, crop: { width, height, box: [x0, y0, x1, y1] }, problem: text,
  //      classes: [names], p: [probability per class] or null }
  function build(c) {
    var card = el('section', 'cell');
    card.id = 'cell-' + c.index;
    card.tabIndex = 0;
    card.setAttribute('data-key', c.key);
    var fig = el('div', 'crop');
    if (c.src) {
      var img = el('img');
      img.src = c.src;
      img.alt = 'cell ' + c.key;
      fig.appendChild(img);
      var box = el('div', 'box');
      box.style.left = pct(c.crop.box[0], c.crop.width);
      box.style.top = pct(c.crop.box[1], c.crop.height);
      box.style.width = pct(c.crop.box[2] - c.crop.box[0], c.crop.width);
      box.style.height = pct(c.crop.box[3] - c.crop.box[1], c.crop.height);
      fig.appendChild(box);
    } else {
      fig.appendChild(el('p', 'missing', 'No image: ' + c.problem));
    }
    card.appendChild(fig);
    card.appendChild(el('h2', null, c.key));
    card.appendChild(el('p', 'meta', c.imageId + ' \u00b7 box ' + c.voc.join(', ')));
    card.appendChild(el('p', 'probs', c.p ? c.classes.map(function (name, j) {
      return name + ' ' + (100 * c.p[j]).toFixed(1) + '%';
    }).join(' \u00b7 ') : 'no model yet (cold start)'));
    return card;
  }
  return { el: el, build: build };
})();
