// Clicking the image sets the focal point's centre; the numeric fields stay the keyboard way and show the result.
(function () {
  const picker = document.getElementById('focal-picker');
  if (!picker) return;
  const image = document.getElementById('focal-image');
  const box = document.getElementById('focal-box');
  const width = Number(picker.dataset.width);
  const height = Number(picker.dataset.height);
  const field = name => document.getElementById('id_focal_' + name);

  function show() {
    const x = Number(field('x').value), y = Number(field('y').value);
    const w = Number(field('width').value), h = Number(field('height').value);
    if (!field('x').value || !field('y').value || !(w > 0) || !(h > 0) || !image.clientWidth) {
      box.hidden = true;
      return;
    }
    const scale = image.clientWidth / width;
    box.style.left = ((x - w / 2) * scale) + 'px';
    box.style.top = ((y - h / 2) * scale) + 'px';
    box.style.width = (w * scale) + 'px';
    box.style.height = (h * scale) + 'px';
    box.hidden = false;
  }

  image.addEventListener('click', event => {
    const rect = image.getBoundingClientRect();
    const scale = width / rect.width;
    const x = Math.round((event.clientX - rect.left) * scale);
    const y = Math.round((event.clientY - rect.top) * scale);
    let w = Number(field('width').value), h = Number(field('height').value);
    if (!(w > 0)) w = Math.max(1, Math.round(width / 5));
    if (!(h > 0)) h = Math.max(1, Math.round(height / 5));
    field('x').value = Math.min(width - 1, Math.max(0, x));
    field('y').value = Math.min(height - 1, Math.max(0, y));
    field('width').value = w;
    field('height').value = h;
    const clear = document.getElementById('id_clear_focal_point');
    if (clear) clear.checked = false;
    show();
  });
  ['x', 'y', 'width', 'height'].forEach(name => field(name).addEventListener('input', show));
  if (image.complete) show(); else image.addEventListener('load', show);
  window.addEventListener('resize', show);
})();
