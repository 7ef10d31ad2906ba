// Issue 14, the XSS corpus: classic payloads typed into the texts that are shown again. Shared by
// the export check (src/features/submissions/xss.integration.test.ts) and the rendered-page check
// in a real browser (e2e/xss.spec.ts). Every payload that would run script sets window.__xss or
// calls alert, so the browser check can tell if one ran.

export const XSS = [
  "<script>alert('xss')</script>",
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><animate onbegin=alert(1)>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "javascript:alert(document.cookie)",
  '<a href="jAvAsCrIpT:alert(1)">pay us</a>',
  "<iframe srcdoc='&lt;script&gt;alert(1)&lt;/script&gt;'>",
  '"><body onpageshow=alert(1)>',
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "&#60;script&#62;alert(1)&#60;/script&#62; &lt;b&gt;",
  "</textarea><script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
  "<img src=x onerror=window.__xss=1>",
  "<details open ontoggle=window.__xss=1>",
  "</p><script>window.__xss=1</script>",
  '<input autofocus onfocus="window.__xss=1">',
  "\"'><svg/onload=window.__xss=1>",
];

export const FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"pay\")", "+SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"];
