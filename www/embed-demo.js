// embed-demo.html with ?app=<URL of the app's folder>: points the demo's iframes and
// a resizer script at an app served from that address (another origin, in the
// browser tests). Without ?app the page embeds the app beside it.
(function () {
  'use strict';
  var app = new URLSearchParams(location.search).get('app');
  if (!app) return;
  var base;
  try {
    base = new URL(app, location.href);
  } catch (e) {
    return;
  }
  if (!/^https?:$/.test(base.protocol)) return;
  var frames = document.querySelectorAll('iframe.baogao[data-query]');
  for (var i = 0; i < frames.length; i++) {
    frames[i].src = new URL(frames[i].getAttribute('data-query'), base).href;
  }
  var s = document.createElement('script');
  s.src = new URL('embed.js', base).href;
  s.async = true;
  document.body.appendChild(s);
})();
