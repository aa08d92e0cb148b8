// Race replay: the address follows the leader, ten kilometres a second, with history.pushState and no input.
let km = 0;
const replay = setInterval(() => {
  km += 1;
  history.pushState({ km }, '', `/live/km/${km}`);
  document.getElementById('km').textContent = String(km);
  document.getElementById('bar').style.width = `${(km / 50) * 100}%`;
  if (km === 50) clearInterval(replay);
}, 100);
