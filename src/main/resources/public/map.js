// The map page: offline country outlines, clustered markers for events (coloured by category)
// and for the places articles mention, uncertainty circles, and a time slider. Data comes
// from /api/v1/map as GeoJSON; popups are built with textContent, never from HTML strings.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }

  // event type -> [category label, colour]
  var GROUPS = [
    ['Violence', '#c0392b', ['armed_clash', 'attack', 'air_drone_strike', 'suicide_bomb',
      'shelling_artillery_missile', 'remote_explosive_ied', 'grenade', 'chemical_weapon',
      'sexual_violence', 'abduction', 'mob_violence', 'government_regains_territory',
      'non_state_actor_overtakes_territory', 'looting_property_destruction']],
    ['Border & crime', '#8e44ad', ['border_crossing', 'drug_trafficking', 'arms_smuggling',
      'human_smuggling', 'organized_crime', 'arrest', 'disrupted_weapons_use']],
    ['Claims & warnings', '#d35400', ['threat_warning', 'accusation', 'responsibility_claim', 'denial']],
    ['Diplomacy & security', '#2471a3', ['diplomatic_meeting', 'security_cooperation', 'agreement',
      'sanctions', 'change_to_group_activity', 'base_established', 'non_violent_territory_transfer',
      'other_strategic']],
    ['Protest', '#b7950b', ['peaceful_protest', 'protest_with_intervention',
      'excessive_force_against_protesters', 'violent_demonstration']],
    ['Humanitarian & disaster', '#138d75', ['humanitarian_aid', 'natural_disaster', 'man_made_disaster']]
  ];
  var OTHER = ['Other', '#566573'];
  function groupOf(type) {
    for (var i = 0; i < GROUPS.length; i++) {
      if (GROUPS[i][2].indexOf(type) >= 0) { return GROUPS[i]; }
    }
    return OTHER;
  }

  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([37.5, 68.5], 4);
  map.attributionControl.addAttribution('Natural Earth');

  fetch(el.dataset.outlines).then(function (r) { return r.json(); }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      style: { color: '#9aa6b8', weight: 0.7, fillColor: '#eef1f5', fillOpacity: 1 },
      interactive: false
    }).addTo(map).bringToBack();
  });

  var eventLayer = L.markerClusterGroup({ maxClusterRadius: 40 });
  var placeLayer = L.markerClusterGroup({ maxClusterRadius: 30 });
  var radiusLayer = L.layerGroup();
  var features = [];

  function text(tag, value, cls) {
    var n = document.createElement(tag);
    n.textContent = value;
    if (cls) { n.className = cls; }
    return n;
  }
  function link(href, value) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = value;
    return a;
  }

  function eventPopup(p) {
    var d = document.createElement('div');
    d.className = 'popup';
    d.appendChild(text('strong', p.type.replace(/_/g, ' ')));
    d.appendChild(text('span', ' · ' + p.modality + (p.date ? ' · ' + p.date : ''), 'muted'));
    if (p.place) { d.appendChild(text('div', p.place)); }
    if (p.sentence) { d.appendChild(text('blockquote', p.sentence)); }
    var a = link('/articles/' + encodeURIComponent(p.articleId), p.title || p.articleId);
    d.appendChild(a);
    if (p.source) { d.appendChild(text('span', ' — ' + p.source, 'muted')); }
    return d;
  }

  function placePopup(p) {
    var d = document.createElement('div');
    d.className = 'popup';
    d.appendChild(text('strong', p.name));
    d.appendChild(text('div', [p.kind, p.country].filter(Boolean).join(' · '), 'muted'));
    d.appendChild(text('div', p.articles + (p.articles === 1 ? ' article' : ' articles')
      + (p.radiusKm ? ' · ±' + Math.round(p.radiusKm) + ' km' : '')));
    d.appendChild(link('/search?q=' + encodeURIComponent('place:"' + p.name + '"'), 'Articles mentioning it'));
    return d;
  }

  function build(f) {
    var p = f.properties;
    var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
    if (p.layer === 'event') {
      var g = groupOf(p.type);
      f.marker = L.circleMarker(ll, { radius: 7, color: '#fff', weight: 1.5, fillColor: g[1], className: 'marker-event',
        fillOpacity: p.modality === 'asserted' ? 0.95 : 0.55 }).bindPopup(eventPopup(p));
    } else {
      f.marker = L.circleMarker(ll, { radius: 4 + Math.min(10, Math.sqrt(p.articles) * 2),
        color: '#14213d', weight: 1, fillColor: '#5d7fa3', fillOpacity: 0.6, className: 'marker-place' })
        .bindPopup(placePopup(p));
      if (p.radiusKm) {
        f.circle = L.circle(ll, { radius: p.radiusKm * 1000, color: '#5d7fa3', weight: 0.8,
          fillOpacity: 0.05, dashArray: '3 3', interactive: false });
      }
    }
    f.day = p.layer === 'event' ? p.date : p.latest;
  }

  var days = [];
  var endInput = document.getElementById('time-end');
  var windowInput = document.getElementById('time-window');
  function dayNumber(iso) {
    if (!iso) { return null; }
    var parts = iso.substring(0, 10).split('-');
    return Date.UTC(+parts[0], (+parts[1] || 1) - 1, +parts[2] || 1) / 86400000;
  }

  function render() {
    var showEvents = document.getElementById('show-events').checked;
    var showPlaces = document.getElementById('show-places').checked;
    var showRadius = document.getElementById('show-radius').checked;
    var showUndated = document.getElementById('show-undated').checked;
    var end = days.length ? dayNumber(days[+endInput.value]) : null;
    var win = +windowInput.value;
    document.getElementById('time-label').textContent = days.length ? days[+endInput.value] : 'all dates';
    eventLayer.clearLayers();
    placeLayer.clearLayers();
    radiusLayer.clearLayers();
    var shown = { event: 0, place: 0 };
    features.forEach(function (f) {
      var d = dayNumber(f.day);
      if (d === null) {
        if (!showUndated) { return; }
      } else if (end !== null && (d > end || (win > 0 && d <= end - win))) {
        return;
      }
      if (f.properties.layer === 'event') {
        if (!showEvents) { return; }
        eventLayer.addLayer(f.marker);
      } else {
        if (!showPlaces) { return; }
        placeLayer.addLayer(f.marker);
        if (showRadius && f.circle) { radiusLayer.addLayer(f.circle); }
      }
      shown[f.properties.layer]++;
    });
    document.getElementById('map-count').textContent =
      shown.event + ' events and ' + shown.place + ' places shown';
  }

  function legend() {
    var box = document.getElementById('map-legend');
    GROUPS.concat([OTHER]).forEach(function (g) {
      var row = document.createElement('div');
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = g[1];
      row.appendChild(sw);
      row.appendChild(document.createTextNode(g[0]));
      box.appendChild(row);
    });
    var row = document.createElement('div');
    var sw = document.createElement('span');
    sw.className = 'swatch place';
    row.appendChild(sw);
    row.appendChild(document.createTextNode('Place mentioned (size: articles)'));
    box.appendChild(row);
  }

  radiusLayer.addTo(map);
  placeLayer.addTo(map);
  eventLayer.addTo(map);
  legend();
  fetch(el.dataset.src).then(function (r) { return r.json(); }).then(function (geo) {
    features = geo.features;
    var seen = {};
    features.forEach(function (f) {
      build(f);
      if (f.day) { seen[f.day.substring(0, 10)] = true; }
    });
    days = Object.keys(seen).sort();
    if (days.length) {
      endInput.max = String(days.length - 1);
      endInput.value = String(days.length - 1);
      endInput.disabled = false;
    }
    el.dataset.loaded = String(features.length);
    render();
  }).catch(function (e) {
    document.getElementById('map-count').textContent = 'Could not load the map data: ' + e;
  });
  ['show-events', 'show-places', 'show-radius', 'show-undated', 'time-end', 'time-window']
    .forEach(function (id) { document.getElementById(id).addEventListener('input', render); });
})();
