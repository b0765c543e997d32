// A host script for Attention Atlas embeds: sizes each iframe from the height it posts. Works on any
// page and never throws: it accepts a message only from one of the page's own frames (event.source),
// whatever the origin (a sandboxed frame's origin is "null"), and only in the two documented shapes.
// A frame keeps its last height while it is out of view or reloading (no jumps), and
// `<iframe data-atlas-src="…">` frames load on a click (a preview button) for pages with many widgets.
(function () {
  'use strict';

  /** The height in a resize message, or null for any other message. */
  function heightOf(data) {
    try {
      if (typeof data === 'string') {
        if (data.length > 1000) return null;
        data = JSON.parse(data);
        if (!data || data.context !== 'iframe.resize') return null;
      } else if (!data || data.subject !== 'lti.frameResize') return null;
      var h = Number(data.height);
      return isFinite(h) && h >= 0 && h < 100000 ? Math.ceil(h) : null;
    } catch {
      return null;
    }
  }

  /** Remembered heights (per src) so a frame below the fold reserves its size before it loads. */
  var KEY = 'atlas-embed-heights';
  function remembered() {
    try {
      return JSON.parse(window.sessionStorage.getItem(KEY) || '{}') || {};
    } catch {
      return {};
    }
  }
  function remember(src, h) {
    try {
      var all = remembered();
      all[src] = h;
      window.sessionStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      /* storage closed: sizes are simply not remembered */
    }
  }

  function onMessage(event) {
    var h = heightOf(event.data);
    if (h === null) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      // 0 is what a frame posts while it is hidden or reloading: keep the last height.
      if (h === 0) return;
      frames[i].style.height = h + 'px';
      remember(frames[i].src, h);
      var log = document.getElementById('log'); // the sample page's message list, if any
      if (log) {
        var item = document.createElement('li');
        item.textContent = (typeof event.data === 'string' ? 'iframe.resize' : 'lti.frameResize') + ' ' + h + ' from origin ' + event.origin;
        item.setAttribute('data-frame', String(i));
        log.appendChild(item);
      }
      return;
    }
  }

  /** Lazy frames reserve their last known height (or their height attribute) before loading. */
  function reserve() {
    var all = remembered();
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var src = frames[i].getAttribute('src');
      if (src && all[frames[i].src] && !frames[i].style.height) frames[i].style.height = all[frames[i].src] + 'px';
    }
  }

  /** `<iframe data-atlas-src>`: a button in its place; a click loads the widget. */
  function clickToLoad() {
    var frames = document.querySelectorAll('iframe[data-atlas-src]');
    for (var i = 0; i < frames.length; i++) {
      (function (frame) {
        if (frame.getAttribute('src')) return;
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'atlas-load';
        button.textContent = 'Load the interactive figure: ' + (frame.title || 'Attention Atlas widget');
        button.style.cssText = 'display:block;width:100%;min-height:' + (frame.getAttribute('height') || 120) + 'px;font:inherit;cursor:pointer';
        frame.style.display = 'none';
        frame.parentNode.insertBefore(button, frame);
        button.addEventListener('click', function () {
          frame.setAttribute('src', frame.getAttribute('data-atlas-src'));
          frame.style.display = '';
          button.parentNode.removeChild(button);
          frame.focus();
        });
      })(frames[i]);
    }
  }

  /** `?embed=<query>` on the test page replaces the samples with one frame (end-to-end tests). */
  function singleFrame() {
    var frames = document.getElementById('frames');
    var query = new URLSearchParams(window.location.search).get('embed');
    if (query === null || !frames) return;
    while (frames.firstChild) frames.removeChild(frames.firstChild);
    var iframe = document.createElement('iframe');
    iframe.src = './embed.html?' + query;
    iframe.title = 'Attention Atlas widget';
    iframe.height = '300';
    iframe.style.width = '100%';
    iframe.setAttribute('sandbox', new URLSearchParams(window.location.search).get('sandbox') || 'allow-scripts');
    iframe.setAttribute('allow', 'fullscreen');
    iframe.setAttribute('data-testid', 'embed-frame');
    frames.appendChild(iframe);
  }

  function start() {
    try {
      singleFrame();
      reserve();
      clickToLoad();
    } catch {
      /* a page we do not know: leave it as it is */
    }
  }

  window.addEventListener('message', onMessage);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
