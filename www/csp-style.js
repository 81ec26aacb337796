// Lets the app run under `style-src 'self'` (newsroom CSPs): plotters measures chart
// text by creating a <span> and calling setAttribute("style", …) on it, which such a
// policy blocks (console errors, and labels laid out with wrong sizes). Setting the
// same declarations through the CSSOM (element.style.cssText) is allowed and has the
// same effect, so setAttribute("style") is routed there. Nothing else changes.
(function () {
  'use strict';
  var set = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (typeof name === 'string' && name.toLowerCase() === 'style' && this.style) {
      this.style.cssText = String(value);
      return;
    }
    return set.call(this, name, value);
  };
})();
