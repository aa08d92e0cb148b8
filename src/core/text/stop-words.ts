/** Words that are never a theme: function words and the generic verbs of survey answers, in both languages. */
export const EN_STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  by can could did do does doing done down during each even ever every few for from further had has have having he her
  here hers him his how i if in into is it its itself just me more most my myself now of off on once only or other our
  ours out over own same she should since some such than that the their them then there these they this those through
  to too under until up upon us very was we were what when where which while who whom why will with would you your
  yours one two three first second last next still already much many lot lots bit thing things something anything
  everything way got get gets getting make makes made take took taken go went going gone come came try tried trying
  want wanted need needed needs use used using seem seemed seems feel felt look looked looks think thought know knew
  say said tell told let lets put keep kept give gave find found see saw show showed like just really quite pretty
  again back able yes maybe probably actually also although though however but yet else instead okay ok im ive id
  its thats theres dont didnt doesnt isnt wasnt cant couldnt wont wouldnt havent hasnt hadnt arent werent day days
  time times minute minutes second seconds hour hours today yesterday week`.split(/\s+/),
);

export const KO_STOP = new Set(
  `저 제가 저는 제 나 내가 우리 그냥 것 수 때 거 게 등 더 중 점 번 분 개 이 그 이번 다음 처음 다시 계속 아직 이미
  그리고 그래서 또 또한 항상 가끔 전혀 모두 다 여기 거기 어디 뭔가 어떻게 왜 하나 두 몇 같아요 같은 같고 있어요 있는
  있고 있었어요 했어요 해요 하고 하는 했는데 있었는데 없어요 없고 없는 없이 되는 되고 됐어요 돼요 그게 이게 저게 정도
  부분 경우 이후 전 후 쪽 뭐 뭘 좀 안 못 잘 많이 조금 너무 정말 진짜 그런데 하지만 근데 그러나 그래도 결국 일단 한번
  때문 때문에 통해 위해 대해 관련 가지 하나도 전부 바로 먼저 나중 오늘 어제 시간 분 초 일 주 번째`.split(/\s+/),
);
