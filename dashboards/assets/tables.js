// Filters and sorting for the site's tables, read from Arrow IPC data shipped with the page.
// Plain browser script, copied as it is to OUT/assets/tables.js: it runs from file:// and needs no
// network. A table opts in with data-table (the name of its data in window.hearkenTables, set by
// the page's tables script) and data-ui (filters, sort fields, words; see dashboards/filter-table.ts);
// each body row names its row of the data in data-row. Without this script the table shows every row.
(function () {
  'use strict';
  var shipped = window.hearkenTables || {};
  var decoded = {};

  /** The Arrow table of a name, decoded once from its base64 IPC stream. */
  function arrowTable(name) {
    if (!Object.prototype.hasOwnProperty.call(decoded, name)) {
      var text = atob(shipped[name]);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      decoded[name] = window.Arrow.tableFromIPC(bytes);
    }
    return decoded[name];
  }

  /** A cell's values as strings: a list cell gives each of its items, a null none. */
  function valuesOf(value) {
    if (value === null || value === undefined) return [];
    if (typeof value === 'object' && typeof value.toArray === 'function') return Array.prototype.map.call(value.toArray(), String);
    return [String(value)];
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }

  function compare(a, b, lang) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    if (typeof a === 'number' || typeof a === 'bigint') return a < b ? -1 : 1;
    return String(a).localeCompare(String(b), lang);
  }

  function enhance(tableElement) {
    var name = tableElement.getAttribute('data-table');
    if (!Object.prototype.hasOwnProperty.call(shipped, name) || !window.Arrow) return;
    var ui = JSON.parse(tableElement.getAttribute('data-ui'));
    var data = arrowTable(name);
    var lang = document.documentElement.lang;
    var body = tableElement.tBodies[0];
    var rows = Array.prototype.filter.call(body.rows, function (row) { return row.hasAttribute('data-row'); });
    var column = function (field) { return data.getChild(field); };
    var cell = function (row, field) {
      var vector = column(field);
      return vector === null ? null : vector.get(Number(row.getAttribute('data-row')));
    };

    var bar = document.createElement('div');
    bar.className = 'filters';
    var selects = ui.filters.map(function (filter) {
      var seen = {};
      rows.forEach(function (row) { valuesOf(cell(row, filter.field)).forEach(function (value) { seen[value] = true; }); });
      var labels = filter.labels || {};
      var label = function (value) { return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : value; };
      var values = Object.keys(seen).sort(function (a, b) { return label(a).localeCompare(label(b), lang); });
      var wrapper = document.createElement('label');
      wrapper.textContent = filter.label;
      var select = document.createElement('select');
      select.setAttribute('data-field', filter.field);
      select.add(new Option(ui.words.all, ''));
      values.forEach(function (value) { select.add(new Option(label(value), value)); });
      wrapper.appendChild(select);
      bar.appendChild(wrapper);
      return select;
    });
    var output = document.createElement('output');
    bar.appendChild(output);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return select.value === '' || valuesOf(cell(row, select.getAttribute('data-field'))).indexOf(select.value) >= 0;
        });
        row.style.display = visible ? '' : 'none';
        if (visible) shown++;
      });
      output.textContent = fill(ui.words.shown, { shown: shown, total: rows.length });
    }
    selects.forEach(function (select) { select.addEventListener('change', apply); });

    // a field a filter words (a department by the page's name of it) sorts by its words, as its cells read
    var wordsOf = {};
    ui.filters.forEach(function (filter) { if (filter.labels) wordsOf[filter.field] = filter.labels; });
    var sortValue = function (row, field) {
      var value = cell(row, field);
      var labels = wordsOf[field];
      return labels && typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : value;
    };

    var headers = tableElement.tHead ? tableElement.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, index) {
      var field = ui.sort[index];
      if (!field) return;
      header.setAttribute('data-sort', field);
      header.setAttribute('tabindex', '0');
      header.title = ui.words.sort;
      function sort() {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var order = compare(sortValue(a, field), sortValue(b, field), lang);
          // nulls stay last either way; ties keep the published order
          if (cell(a, field) === null || cell(b, field) === null) return order;
          return (ascending ? order : -order) || Number(a.getAttribute('data-row')) - Number(b.getAttribute('data-row'));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      header.addEventListener('click', sort);
      header.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); } });
    });

    var box = tableElement.closest('.scroll') || tableElement;
    box.parentNode.insertBefore(bar, box);
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-table]'), enhance);
})();
