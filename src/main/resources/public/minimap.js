// The small map of the entity, place and source pages: offline country outlines, the events of
// /api/v1/events (data-src) as markers, and for a place its point with the uncertainty radius.
// Popups are built with textContent, never from HTML strings.
(function () {
  'use strict';
  var el = document.getElementById('minimap');
  if (!el || !window.L) { return; }
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([37.5, 68.5], 3);
  map.attributionControl.addAttribution('Natural Earth');
  fetch(el.dataset.outlines).then(function (r) { return r.json(); }).then(function (topo) {
    L.geoJSON(topojson.feature(topo, topo.objects.countries), {
      style: { color: '#9aa6b8', weight: 0.7, fillColor: '#eef1f5', fillOpacity: 1 },
      interactive: false
    }).addTo(map).bringToBack();
  });

  function text(tag, value, cls) {
    var n = document.createElement(tag);
    n.textContent = value;
    if (cls) { n.className = cls; }
    return n;
  }

  var bounds = [];
  if (el.dataset.lat && el.dataset.lon) {
    var here = [+el.dataset.lat, +el.dataset.lon];
    if (el.dataset.radiusKm) {
      L.circle(here, { radius: +el.dataset.radiusKm * 1000, color: '#5d7fa3', weight: 1,
        fillOpacity: 0.08, dashArray: '3 3', interactive: false }).addTo(map);
    }
    L.circleMarker(here, { radius: 6, color: '#14213d', weight: 1.5, fillColor: '#5d7fa3',
      fillOpacity: 0.8 }).bindPopup(text('strong', el.dataset.name || '')).addTo(map);
    bounds.push(here);
  }

  fetch(el.dataset.src).then(function (r) { return r.json(); }).then(function (page) {
    var shown = 0;
    (page.items || []).forEach(function (e) {
      if (!e.place || e.place.lat === null || e.place.lon === null) { return; }
      var ll = [e.place.lat, e.place.lon];
      var d = document.createElement('div');
      d.className = 'popup';
      d.appendChild(text('strong', e.type.replace(/_/g, ' ')));
      d.appendChild(text('span', ' · ' + e.modality + (e.date ? ' · ' + e.date : ''), 'muted'));
      d.appendChild(text('div', e.place.name));
      if (e.sentence) { d.appendChild(text('blockquote', e.sentence)); }
      var a = document.createElement('a');
      a.href = '/articles/' + encodeURIComponent(e.articleId);
      a.textContent = e.title || e.articleId;
      d.appendChild(a);
      L.circleMarker(ll, { radius: 6, color: '#fff', weight: 1.5, fillColor: '#c0392b',
        fillOpacity: e.modality === 'asserted' ? 0.95 : 0.55 }).bindPopup(d).addTo(map);
      bounds.push(ll);
      shown++;
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 6);
    } else if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 7 });
    }
    el.dataset.loaded = String(shown);
  }).catch(function (e) {
    el.parentNode.insertBefore(text('p', 'Could not load the events: ' + e, 'muted'), el.nextSibling);
  });
})();
