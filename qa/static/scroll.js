// Runs in the document view: scroll its box (not the page) to the first mark after each render.
const jump = () => {
  const box = element.querySelector('pre.qa-doc');
  const hit = box && box.querySelector('mark');
  if (!box || !hit) return;
  box.scrollTop = Math.max(0, hit.offsetTop - box.clientHeight / 3);
  const right = hit.offsetLeft + hit.offsetWidth;
  if (hit.getClientRects().length > 1) box.scrollLeft = 0;     // a mark over several lines
  else if (hit.offsetLeft < box.scrollLeft || right > box.scrollLeft + box.clientWidth)
    box.scrollLeft = Math.max(0, Math.min(hit.offsetLeft - 24, right - box.clientWidth + 48));
};
watch('value', () => requestAnimationFrame(jump));
requestAnimationFrame(jump);
