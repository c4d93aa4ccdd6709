/**
 * Common given names and family names of the people a US Medicaid plan serves (US census lists,
 * Spanish, Vietnamese, Chinese, Korean, Russian, Arabic, Somali and Haitian names), folded to lower
 * case without accents. Data for the privacy filter of training examples (private-features.ts): a
 * word written in lower case that is also a common name — "young", "wright", "phan" — is never
 * kept, because a dictionary of names could be hashed against it. Words that are also everyday
 * words (young, long, king, hill) are dropped too: a training example can spare them.
 */
const GIVEN = `
aaron abdi abdullah abdul abigail adam adrian ahmed aisha alan albert alejandro alex alexander alexis ali alice alicia amanda
amber amina amy ana andrea andrew angel angela anh ann anna anne anthony antonio arthur ashley austin ayaan barbara benjamin
betty beverly bich billy bobby brandon brenda brian brittany bruce bryan carl carlos carmen carol carolyn catherine charles
charlotte cheryl christian christina christine christopher cynthia daniel danielle david debra deborah denise dennis diana
diane diego donald donna dorothy douglas duc dylan edward elena elizabeth emily emma eric ethan eugene evelyn fadumo fartun
fatima fernando frances francisco frank gabriel gary george gerald gloria grace gregory guadalupe halima hamza hannah harold
hassan heather helen henry hoa hodan hung ibrahim irina isabella ivan jack jacob james janet janice jason javier jean jeffrey
jennifer jeremy jerry jesse jessica jesus joan joe john johnny jonathan jorge jose joseph joshua joyce juan juana judith judy
julia julie justin karen katherine kathleen kathy keith kelly kenneth kevin khadija kimberly kyle lan larry laura lauren
lawrence linda linh lisa lori louis lucia luis madison mai margaret maria marie marilyn mark martha mary matthew megan melissa
michael michelle miguel minh ming mohamed mohammed mohamud mustafa nancy natalia natalie nathan nguyet nicholas nicole noah
nora olga olivia omar pamela patricia patrick paul peter phuong rachel ralph randy raymond rebecca richard robert roberto
roger ronald rosa rose roy ruth ryan sabrina sahra samantha samuel sandra sara sarah scott sean sergei sharon shirley sophia
stephanie stephen steven susan svetlana tatiana teresa terry thanh theresa thomas timothy tuan tyler victor victoria vincent
virginia walter wayne wei william xiu yasmin yolanda yusuf zachary zainab
fabiola wilner jeanne nadege fritz guerline marjorie yvrose lourdes esperanza refugio yesenia ignacio octavio reina consuelo
`;
const FAMILY = `
adams aguilar ahmed ali allen alvarez anderson bailey baker bennett bui brooks brown butler campbell carter castillo castro
chavez chen clark collins cook cooper cox cruz dang davis diaz do duong edwards evans fisher flores foster garcia gomez
gonzales gonzalez gray green gutierrez hall harris hassan henderson hernandez herrera hill ho hoang howard hu huang hughes
hussein huynh jackson james jenkins jimenez johnson jones kelly kim king lam le lee lewis li lin liu long lopez ly ma martin
martinez medina mendoza miller mitchell mohamed mohamud moore morales morgan morris murphy myers ngo nguyen nelson ortiz park
parker patel perez perry peterson petrov phan pham phillips powell price ramirez ramos reed reyes richardson rivera roberts
robinson rodriguez rogers romero ross ruiz russell sanchez sanders scott smirnov smith stewart sullivan sun taylor thomas
thompson torres tran truong turner vargas vasquez vo vu walker wang ward warsame washington watson white williams wilson
wong wood wright wu xu yang young zhang zhao zhou
ivanov ivanova kuznetsov popov sokolov volkov morozov novikov
jean-baptiste pierre joseph louis charles baptiste augustin celestin dorcelus
`;
export const COMMON_NAMES: ReadonlySet<string> = new Set(`${GIVEN} ${FAMILY}`.split(/\s+/).filter(Boolean).flatMap((n) => n.split("-")));
