// Renders every chart container from the specs in #m6rec-charts (JSON, not script: the data never runs).
// A rendered container is marked data-rendered; when all are settled, body gets data-charts-settled.
(function () {
  var specs = JSON.parse(document.getElementById('m6rec-charts').textContent);
  var ids = Object.keys(specs);
  var pending = ids.map(function (id) {
    var container = document.getElementById(id);
    return vegaEmbed(container, specs[id], {actions: false, renderer: 'svg'}).then(function () {
      container.setAttribute('data-rendered', 'true');
    }).catch(function (err) {
      window.m6recFail('chart ' + id + ': ' + (err && err.message ? err.message : String(err)));
    });
  });
  Promise.all(pending).then(function () {
    document.body.setAttribute('data-charts-settled', String(ids.length));
  });
})();
