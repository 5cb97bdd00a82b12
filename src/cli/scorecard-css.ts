/**
 * The scorecard page's only style sheet, inline: the page loads nothing else (no font, no CDN, no script), so it
 * reads the same from a file, behind a strict Content-Security-Policy, or offline. One column on a phone; tables
 * too wide for it scroll inside their own region. Colours keep text at 4.5:1 or more on its background, and the
 * bars' fill and ticks at 3:1 or more against their track; a white halo keeps a tick visible where it crosses the fill.
 */
export const SCORECARD_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#f4f5f7}
a{color:#0b4fa8}
a:focus-visible,.scroll:focus-visible{outline:3px solid #0b4fa8;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
header,main,footer{max-width:1100px;margin:0 auto;padding:12px 16px}
header{padding-top:20px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:28px 0 8px;border-bottom:2px solid #c9ced6;padding-bottom:4px}
h3{font-size:1.15rem;margin:0 0 2px}
h4{font-size:1rem;margin:16px 0 6px}
p{margin:4px 0 8px}
.meta{color:#4a4f57}
nav ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav li ul{display:inline-flex;gap:4px 10px}
.card{background:#fff;border:1px solid #d5d9e0;border-radius:8px;padding:14px 16px;margin:12px 0}
.scroll{overflow-x:auto;max-width:100%;margin:6px 0 10px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:4px 0;color:#33373d}
th,td{padding:5px 8px;border-bottom:1px solid #e1e4e9;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #aeb5bf;font-weight:600}
tbody th{font-weight:500}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{position:relative;display:inline-block;width:7em;max-width:40vw;height:.8em;background:#e3e6ea;border-radius:2px;vertical-align:middle}
.bar .fill{position:absolute;left:0;top:0;bottom:0;background:#2d5fa6;border-radius:2px}
.bar .tick{position:absolute;top:-3px;bottom:-3px;width:0;border-left:2px solid #1b1b1b;box-shadow:0 0 0 1px #fff}
.bar .tick.peers{border-left:2px dashed #8a4b00}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.legend{font-size:.85rem;color:#4a4f57}
.legend .sw{display:inline-block;width:0;height:1em;vertical-align:middle;margin:0 4px 0 8px}
.legend .sw.target{border-left:2px solid #1b1b1b}
.legend .sw.peers{border-left:2px dashed #8a4b00}
ul.flags{list-style:none;padding:0;margin:0}
ul.flags>li{border-left:4px solid #8a94a3;background:#fafbfc;padding:8px 12px;margin:8px 0}
ul.flags>li.High{border-left-color:#b3261e}
ul.flags>li.Medium{border-left-color:#a15c00}
.tag{display:inline-block;font-size:.8rem;padding:0 6px;border-radius:10px;background:#e8ebf0;color:#1b1b1b;margin-left:4px}
.tag.High{background:#fbe4e2;color:#8c1d18}
.tag.Medium{background:#fdeed9;color:#6e3f00}
.pace-Behind{color:#a3241d;font-weight:600}
.pace-Ahead{color:#1d6b35;font-weight:600}
.predictive{color:#1d6b35}
dl{margin:6px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}
dl>div{display:contents}
dt{font-weight:600;color:#33373d}
dd{margin:0;overflow-wrap:anywhere}
.quote{white-space:pre-wrap}
footer{color:#4a4f57;font-size:.85rem;padding-bottom:32px}
h1,h2,h3,p,li{overflow-wrap:anywhere}
td,th{overflow-wrap:break-word}
@media (max-width:600px){
  body{font-size:15px}
  header,main,footer{padding:10px 10px}
  .card{padding:10px;border-radius:6px}
  th,td{padding:4px 5px}
  table{font-size:.85rem}
  .bar{width:3.5em}
  .n,.num{white-space:normal}
  td .legend{display:none}
  dl{grid-template-columns:1fr}
  dd{margin-bottom:4px}
}
@media print{body{background:#fff}.card{border:0;padding:0}.skip,nav{display:none}}
`;
