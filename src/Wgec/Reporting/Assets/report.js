(function(){
  var rows=[].slice.call(document.querySelectorAll('#matrix-table tbody tr'));
  var f={section:document.getElementById('f-section'),contributor:document.getElementById('f-contributor'),code:document.getElementById('f-code'),verdict:document.getElementById('f-verdict')};
  function apply(){
    var shown=0;
    rows.forEach(function(r){
      var ok=(!f.section.value||r.dataset.section===f.section.value)&&(!f.contributor.value||r.dataset.contributor===f.contributor.value);
      if(ok&&f.verdict.value){
        if(f.code.value){ok=r.getAttribute('data-c-'+f.code.value.toLowerCase())===f.verdict.value;}
        else{ok=[].some.call(r.attributes,function(a){return a.name.indexOf('data-c-')===0&&a.value===f.verdict.value;});}
      }
      r.hidden=!ok; if(ok)shown++;
    });
    document.getElementById('shown').textContent=shown+' of '+rows.length+' proposals shown';
  }
  Object.keys(f).forEach(function(k){f[k].addEventListener('change',apply);});
  var state=0, btn=document.getElementById('sort-score'), tbody=document.querySelector('#matrix-table tbody');
  btn.addEventListener('click',function(){
    state=(state+1)%3;
    var sorted=rows.slice().sort(function(a,b){
      if(state===0)return a.dataset.order-b.dataset.order;
      var d=parseFloat(a.dataset.score)-parseFloat(b.dataset.score); return state===1?d:-d;});
    sorted.forEach(function(r){tbody.appendChild(r);});
    document.getElementById('sort-state').textContent=['document order','score ascending','score descending'][state];
  });
  function show(m){
    var ids=m.dataset.diagnostics.split(' '), out=[];
    [].forEach.call(document.querySelectorAll('.diagnostics li.active'),function(li){li.classList.remove('active');});
    ids.forEach(function(id){var li=document.getElementById(id); if(li){li.classList.add('active'); out.push(li.textContent);}});
    document.getElementById('detail').textContent=out.join(' · ');
  }
  [].forEach.call(document.querySelectorAll('mark[data-diagnostics]'),function(m){
    m.addEventListener('click',function(){show(m);});
    m.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();show(m);}});
  });
  apply();
})();
