// A sample host script for Attention Atlas embeds: sizes each iframe from the height it posts.
// It accepts a message only from one of its own frames (event.source), whatever the origin
// (a sandboxed frame's origin is "null"), and only in the two documented shapes.
(function () {
  'use strict';

  /** `?embed=<query>` replaces the samples with one frame (used by the end-to-end tests). */
  function singleFrame() {
    var query = new URLSearchParams(window.location.search).get('embed');
    if (query === null) return;
    var frames = document.getElementById('frames');
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

  /** The height in a resize message, or null for any other message. */
  function heightOf(data) {
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return null;
      }
      if (!data || data.context !== 'iframe.resize') return null;
    } else if (!data || data.subject !== 'lti.frameResize') return null;
    var h = Number(data.height);
    return Number.isFinite(h) && h >= 0 && h < 100000 ? Math.ceil(h) : null;
  }

  window.addEventListener('message', function (event) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      var h = heightOf(event.data);
      if (h === null) return;
      frames[i].style.height = h + 'px';
      var log = document.getElementById('log');
      var item = document.createElement('li');
      item.textContent = (typeof event.data === 'string' ? 'iframe.resize' : 'lti.frameResize') + ' ' + h + ' from origin ' + event.origin;
      item.setAttribute('data-frame', String(i));
      log.appendChild(item);
      return;
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', singleFrame);
  else singleFrame();
})();
