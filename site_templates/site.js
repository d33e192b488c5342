/* deliberate: the published site's only script. Print buttons, and the receipt box: a receipt's
   inclusion proof (RFC 9162) checked against the root of the signed checkpoint, in the browser. */
(function () {
  "use strict";
  var K = [0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
    0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,
    0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,
    0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,
    0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
    0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,
    0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
  function sha256(bytes) {                       /* bytes: an array of 0..255; returns 32 bytes */
    var h = [0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19];
    var m = bytes.slice(), n = bytes.length * 8, w = new Array(64), i, j;
    m.push(0x80); while (m.length % 64 !== 56) m.push(0);
    for (i = 7; i >= 0; i--) m.push(i > 3 ? 0 : (n >>> (i * 8)) & 255);
    function rot(x, k) { return (x >>> k) | (x << (32 - k)); }
    for (i = 0; i < m.length; i += 64) {
      for (j = 0; j < 16; j++) w[j] = (m[i+4*j] << 24) | (m[i+4*j+1] << 16) | (m[i+4*j+2] << 8) | m[i+4*j+3];
      for (j = 16; j < 64; j++) {
        var s0 = rot(w[j-15], 7) ^ rot(w[j-15], 18) ^ (w[j-15] >>> 3);
        var s1 = rot(w[j-2], 17) ^ rot(w[j-2], 19) ^ (w[j-2] >>> 10);
        w[j] = (w[j-16] + s0 + w[j-7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (j = 0; j < 64; j++) {
        var t1 = (k + (rot(e, 6) ^ rot(e, 11) ^ rot(e, 25)) + ((e & f) ^ (~e & g)) + K[j] + w[j]) | 0;
        var t2 = ((rot(a, 2) ^ rot(a, 13) ^ rot(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h = [h[0]+a|0, h[1]+b|0, h[2]+c|0, h[3]+d|0, h[4]+e|0, h[5]+f|0, h[6]+g|0, h[7]+k|0];
    }
    var out = [];
    for (i = 0; i < 8; i++) out.push((h[i] >>> 24) & 255, (h[i] >>> 16) & 255, (h[i] >>> 8) & 255, h[i] & 255);
    return out;
  }
  function hex(bytes) { return bytes.map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join(""); }
  function unhex(text) { var out = []; for (var i = 0; i < text.length; i += 2) out.push(parseInt(text.substr(i, 2), 16)); return out; }
  function utf8(text) { return Array.prototype.slice.call(new TextEncoder().encode(text)); }
  /* RFC 9162 2.1.3.2: the root an inclusion proof leads to, or null */
  function rootFrom(leafHash, index, size, proof) {
    if (index >= size) return null;
    var fn = index, sn = size - 1, r = leafHash;
    for (var i = 0; i < proof.length; i++) {
      var p = unhex(proof[i]);
      if (sn === 0) return null;
      if ((fn & 1) || fn === sn) {
        r = sha256([1].concat(p, r));
        if (!(fn & 1)) while (!(fn & 1) && fn !== 0) { fn >>= 1; sn >>= 1; }
      } else {
        r = sha256([1].concat(r, p));
      }
      fn >>= 1; sn >>= 1;
    }
    return sn === 0 ? r : null;
  }
  /* the record must be the ballot with this receipt, and its leaf hash (0x00 || record) folded
     along the audit path (0x01 || left || right) must give the checkpoint's root */
  window.deliberateCheck = function (receipt, item, rootHex, size) {
    var payload;
    try { payload = JSON.parse(item.record).payload || {}; } catch (e) { return false; }
    if (payload.receipt !== receipt || item.tree_size !== size || !/^[0-9a-f]{64}$/.test(rootHex)) return false;
    for (var i = 0; i < item.proof.length; i++) if (!/^[0-9a-f]{64}$/.test(item.proof[i])) return false;
    var leaf = sha256([0].concat(utf8(item.record)));
    var root = rootFrom(leaf, item.leaf_index, item.tree_size, item.proof);
    return root !== null && hex(root) === rootHex;
  };
  document.querySelectorAll("[data-print]").forEach(function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
  });
  var form = document.getElementById("receipt-form");
  if (form) {
    var data = JSON.parse(document.getElementById("receipt-data").textContent);
    var words = JSON.parse(document.getElementById("receipt-words").textContent);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = document.getElementById("receipt-input").value.trim().toLowerCase().replace(/[^0-9a-f]/g, "");
      var item = data.items[typed], out = document.getElementById("receipt-result");
      if (!item) { out.textContent = words.missing; out.className = "bad"; return; }
      var shown = document.getElementById("checkpoint-root");
      var ok = !!shown && window.deliberateCheck(typed, item, shown.getAttribute("data-root"), data.size);
      out.textContent = (ok ? words.found : words.broken).replace("{event}", item.event).replace("{size}", data.size);
      out.className = ok ? "good" : "bad";
    });
  }
}());
