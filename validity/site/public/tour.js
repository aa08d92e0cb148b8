// The trail tour scrolls itself down and back up a few times: scripted scrolling, no person involved.
let step = 0;
const tour = setInterval(() => {
  const bottom = document.documentElement.scrollHeight - innerHeight;
  window.scrollTo({ top: step % 2 === 0 ? bottom * 0.6 : bottom * 0.1 });
  if (++step === 8) clearInterval(tour);
}, 600);
