/* baogao embed resizer, for the page that embeds baogao views (a news article).
 *
 *   <iframe src="https://APP/PATH/?embed=1&amp;view=…" title="…" width="100%" height="600"></iframe>
 *   <script src="https://APP/PATH/embed.js" async></script>
 *
 * Include it once per page, anywhere. It resizes every iframe whose src lies under
 * the folder this script was loaded from (same origin and path prefix) to the
 * height the embedded app reports with
 *   postMessage({type: "baogao:height", height: <px>}, "*").
 * A message counts only if it comes from the app's origin AND from the very window
 * of one of those iframes, and if the height is a finite number within bounds;
 * anything else is ignored. The height is set through the CSSOM
 * (iframe.style.height), which a Content-Security-Policy of style-src 'self' allows.
 * Without this script the iframe keeps its height attribute (fixed-height fallback).
 *
 * A copy hosted elsewhere can name the app's folder with data-app="https://APP/PATH/".
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var base;
  try {
    base = new URL((me && me.getAttribute('data-app')) || (me && me.src) || '', document.baseURI);
  } catch (e) {
    return;
  }
  if (!/^https?:$/.test(base.protocol)) return;
  var ORIGIN = base.origin;
  // The folder of the script (or the data-app URL): ".../embed.js" -> ".../".
  var PREFIX = base.pathname.replace(/[^/]*$/, '');
  var MIN = 80;
  var MAX = 20000;

  // Included twice for the same app: the first copy does the work.
  var seen = window.__baogaoEmbed = window.__baogaoEmbed || {};
  if (seen[ORIGIN + PREFIX]) return;
  seen[ORIGIN + PREFIX] = true;

  function pointsAtApp(frame) {
    var src = frame.getAttribute('src');
    if (!src) return false;
    try {
      var u = new URL(src, document.baseURI);
      return u.origin === ORIGIN && u.pathname.indexOf(PREFIX) === 0;
    } catch (e) {
      return false;
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== ORIGIN) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'baogao:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0 || height > 10 * MAX) return;
    height = Math.ceil(Math.min(Math.max(height, MIN), MAX));
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && event.source !== null && pointsAtApp(frame)) {
        frame.style.height = height + 'px';
        return;
      }
    }
  });
})();
