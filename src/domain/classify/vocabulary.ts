/**
 * The classifier's vocabulary: phrases and their weights, in English, Spanish and Vietnamese. This
 * is data, not code: a deployment adds phrases in its settings (see `extendVocabulary`) without a
 * new release. Syntax: `phrase = weight [keep] [request]`; see matcher.ts for the phrase syntax.
 * - `keep`: the phrase already carries its own negation, so "not" before it does not cancel it;
 * - `request`: it counts only a little inside a question about how a process works
 *   ("how does the appeal process work?" is not an appeal).
 */

export const CATEGORIES = [
  "claims_billing",
  "eligibility_enrollment",
  "benefits_coverage",
  "authorization",
  "provider_search",
  "member_materials",
  "language_access",
  "portal_access",
  "grievance",
  "appeal",
  "out_of_scope",
  "general_inquiry",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SENDER_TYPES = ["member", "provider", "agent", "internal", "unknown"] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export type CueList = readonly string[];

export interface Vocabulary {
  readonly categories: Readonly<Record<Category, CueList>>;
  /** Immediate risk to access to care, by kind; the kinds add up to the high-priority score. */
  readonly high: Readonly<Record<"shortage" | "discharge" | "soon" | "urgent" | "safety" | "treatment" | "blocked" | "explicit", CueList>>;
  /** An appeal without the word: a decision (denied, not approved) and an objection to it (not fair, look again). */
  readonly appealDecision: CueList;
  readonly appealObjection: CueList;
  readonly escalation: CueList;
  readonly repeat: CueList;
  readonly clinical: CueList;
  readonly accountInfo: CueList;
  readonly sender: Readonly<Record<"member" | "provider" | "providerOrg" | "agent" | "internal", CueList>>;
  readonly informational: CueList;
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  categories: {
    appeal: [
      "appeal = 3 request", "appeals = 2 request", "appealing = 3", "file an appeal = 4", "request an appeal = 4",
      "reconsider = 3 request", "reconsideration = 3 request", "reconsidered = 2.5", "reconsidering = 3",
      "fair hearing = 4 request", "state hearing = 3", "overturn* = 3", "formal dispute = 3 request",
      "dispute the|this|that|your denial|decision = 3", "disagree with this|the|your decision|denial = 3",
      "review the|this|that|her|his|my denial = 2.5", "review the|your decision = 2.5",
      "reverse the|this|your denial|decision = 3", "redo the decision = 3",
      "reconsider* ... decision = 2", "reconsideren = 3", "reconsideracion = 3", "apelacion = 3", "apelar = 3",
      "audiencia imparcial = 4", "revisen ... decision = 3", "revisar ... decision = 2.5",
      "khang cao = 3", "xem xet lai = 3", "review this|that decision = 3", "requesting that you review = 2.5", "asking you to review = 2.5", "decision ... reconsidered = 3.5", "wants the decision reconsidered = 3.5", "look at this|it again = 2.5", "someone else to look at|review = 2.5", "change your answer|decision = 2.5", "not fair = 1.5 keep", "unfair = 1.5", "challenge ... decision|denial = 3", "contest ... decision|denial = 3", "do not agree with = 3 keep", "dont agree with = 3 keep", "reviewed again = 3", "review it again = 3", "look at it again = 2.5", "take another look = 2.5", "reprocess = 1.5", "apelo = 3", "no estoy de acuerdo con = 3 keep",
    ],
    grievance: [
      "complaint = 3 request", "complaints = 2 request", "file a complaint = 4", "formal complaint = 4",
      "grievance = 3 request", "grievances = 2", "file a grievance = 4", "complain = 2.5", "complaining = 2",
      "reported as a complaint = 3", "written up = 2", "report this|him|her|them = 2", "dissatisfied = 2",
      "unacceptable = 1.5", "not acceptable = 1.5 keep", "rude* = 2", "disrespect* = 2", "unprofessional = 2",
      "yelled = 2", "humiliat* = 2", "mistreat* = 2", "treated like = 1.5", "poor service = 2", "terrible service = 2",
      "bad service = 2", "quality of care = 2", "waited ... hour* = 1", "on hold for = 1", "never showed = 1",
      "queja = 3.5 request", "quejas = 2", "poner una queja = 4", "reclamo = 2.5", "grosera = 2", "grosero = 2",
      "maltrat* = 2", "khieu nai = 3.5", "phan nan = 3", "want this reported = 3", "do something about = 2", "look into this|it = 1", "investigate = 2", "accountable = 2", "doesnt happen again = 2 keep", "happen to anyone else = 2", "want|need a different aide|driver|nurse|caseworker|worker|doctor|dentist = 2", "want|need a different case manager = 2", "wait|waited|waiting ... two|three|four|2|3|4 hours = 1.5", "want it reported = 3", "document my concern = 3", "file a report = 2.5", "condescending = 2", "insulted = 2", "ignored me = 1.5", "refused to = 1", "unhappy = 1.5", "upset = 1", "disappointed = 1", "ridiculous = 1", "awful = 1", "horrible = 1", "terrible = 1", "hung up on me = 2", "didnt pick me up = 1.5 keep", "did not pick me up = 1.5 keep", "missed my appointment = 1", "has not come = 1.5 keep", "never came = 1.5", "no replacement = 1", "wont happen again = 2 keep", "never happens again = 2", "look into this = 1.5", "formal grievance = 4", "on my record = 1.5", "supervisor to call me = 1.5", "i expect better = 2",
    ],
    authorization: [
      "prior auth* = 3.5", "preauth* = 3.5", "pre auth* = 3.5", "precert* = 3.5", "pre cert* = 3.5",
      "authorization = 2.5", "authorizations = 2", "auth = 2", "auth request = 3", "auth number = 3", "pa request = 3.5",
      "pa status = 3.5", "pa requirements = 3.5", "pa coordinator = 2", "utilization management = 2.5",
      "expedited review = 2", "medical necessity = 2.5", "prior approval = 3.5", "require|requires|need|needs approval = 2",
      "approval needed = 2.5", "plan approval = 3", "referral ... approv* = 2", "autorizacion previa = 3.5",
      "autorizacion = 2.5", "approve|approves|approved|approval = 2", "get ... approved = 2.5", "pre approval = 3", "preapproval = 3", "expedite = 1.5", "pending approval = 2.5", "aprobar = 2", "aprobado = 2", "aprobacion = 2", "aprobar la autorizacion = 3", "aprobacion previa = 3", "cho phep truoc = 3",
    ],
    claims_billing: [
      "claim = 2", "claims = 2", "claim status = 3", "claim number = 2", "eob = 3", "explanation of benefits = 3",
      "bill = 2", "billed = 2", "billing = 1.5", "bills = 2", "invoice = 2", "collections = 2.5", "collection agency = 2.5",
      "payment = 1.5", "payments = 1.5", "paid = 1", "pay = 0.5", "owe = 2", "remittance = 2.5", "remit = 1.5",
      "recoup* = 3", "overpayment = 2.5", "reimburse* = 1.5", "refund = 1.5", "resubmit* = 1.5",
      "dates of service = 1", "denied = 1", "denial = 0.5", "balance = 1", "out of pocket = 1",
      "factura = 3", "cobro = 2.5", "cobran* = 2", "pagaron = 2", "pagar = 1", "pague = 1", "reembolso = 1.5",
      "cuenta del hospital = 2.5", "charged = 2", "charged me = 2", "check the claim = 3", "billed me = 2.5", "sent to collections = 2.5", "hoa don = 3", "thanh toan = 2",
    ],
    eligibility_enrollment: [
      "eligibility = 2.5", "eligible = 1.5", "enroll = 2", "enrolled = 1.5", "enrollment = 2", "disenroll* = 3",
      "renewal = 2.5", "renew = 2", "redetermination = 3", "coverage ... active = 2.5", "still active = 2",
      "coverage ... terminated|ended|cancelled|canceled|stopped = 3", "coverage ... cut off = 3", "cut off my|our|his|her coverage = 3", "termination = 2", "reinstate* = 2.5",
      "effective date = 2", "lost my coverage = 3", "lose my coverage = 3", "turned back on = 2",
      "change|switch my|our|his|her mco = 3.5", "change|switch ... managed care plan = 3.5", "mco = 1",
      "choice period = 2.5", "different managed care plan = 3", "managed care plan = 2", "switch|change plans = 3", "switch from = 1.5", "open enrollment = 1.5",
      "newborn = 2.5", "add my baby = 3", "new baby = 2", "add ... to my plan|coverage|case|medicaid|insurance|policy = 3", "was born = 2", "birth certificate = 1.5", "baby = 1",
      "medicaid application = 2", "retroactive eligibility = 1.5",
      "agregar a mi bebe = 3", "still be covered = 3", "apply on his|her|my|their own = 2.5", "age out = 3", "aging out = 3", "turns 19|21|26|65 = 1.5", "lost coverage = 3", "sigo cubierto = 3", "sigue cubierto = 3", "sign up for medicaid|coverage|insurance = 3", "apply for medicaid|coverage = 3", "application for medicaid|coverage = 3", "my application = 2", "applied last = 2", "qualify = 2", "lost my job = 1.5", "insurance ends = 2", "moving out of state = 3", "moving to another state = 3", "move to another state = 3", "what happens to my coverage = 3", "cancel my coverage|plan|medicaid|insurance = 3", "moving to = 1", "todavia tiene medicaid|seguro = 3", "tiene medicaid = 1.5", "no aparece = 1.5", "se termina = 2", "termina el = 1", "agregar = 1.5", "recien nacido = 2.5", "tenga seguro = 2", "cobertura = 1.5",
      "elegibilidad = 2.5", "renovacion = 2.5", "inscrib* = 2", "dang ky = 1.5", "con hieu luc = 2",
    ],
    benefits_coverage: [
      "cover = 1.5", "covers = 2", "covered = 1.5", "coverage for = 1.5", "does my|the|your plan ... cover|pay = 3", "does medicaid|medicare ... cover|pay = 3", "pay for = 1",
      "benefit = 1.5", "benefits = 1.5", "copay = 3", "copays = 3", "co pay = 3", "coinsurance = 2.5", "deductible = 2",
      "formulary = 3.5", "drug list = 3", "pharmacy = 1", "prescription coverage = 2.5",
      "ride = 2", "rides = 2", "transportation = 2.5", "dental = 2", "dentures = 2", "cleaning* = 1", "fillings = 1",
      "vision = 2", "eye exam = 2.5", "glasses = 2", "contacts = 0.5", "hearing aid* = 2.5", "acupuncture = 2",
      "chiropract* = 2", "allowance = 2", "value added = 2.5", "over the counter = 2", "per year = 1", "a year = 0.5",
      "summary of benefits = 2.5", "refill = 1.5", "the plan pays|pay for = 2.5", "plan covers = 2", "gym = 1", "breast pump = 2.5", "prescription = 1", "mail order = 2", "same pharmacy = 2", "cubre = 2.5", "cubren = 2.5", "beneficio* = 2", "transporte = 2.5",
      "lentes = 1", "quyen loi = 3", "kinh = 1.5", "kham mat = 2.5", "tra tien = 1",
    ],
    provider_search: [
      "in network = 1.5", "find a doctor = 3.5", "find a provider = 3.5", "specialist = 2", "specialists = 2.5",
      "pcp = 3", "primary care = 2.5", "primary doctor = 2.5", "change ... pcp = 2", "new doctor = 2",
      "accepting new = 2.5", "provider directory = 3", "directory = 1.5", "locate = 2.5", "list of = 1",
      "neurologist* = 1.5", "endocrinologist* = 1.5", "dermatologist* = 1.5", "cardiologist* = 1.5", "surgeon* = 1", "orthopedic* = 1", "urologist* = 1.5", "oncologist* = 1.5", "gastroenterologist* = 1.5", "allergist* = 1.5",
      "pediatrician* = 1.5", "names addresses and phone = 2", "within ... miles = 1.5",
      "pediatras = 2.5", "especialista* = 2.5", "de la red = 2", "lista de = 1.5", "medico de cabecera = 3",
      "bac si = 1.5", "tim bac si = 3", "doctor de cabecera = 3", "cambiar mi doctor = 3", "mas cerca = 1.5", "left the|your network = 3", "who can they|i|we see = 2.5", "in your network = 2.5", "family doctor = 2", "doctor who speaks = 2.5", "who speaks = 1", "takes|accepts my insurance|medicaid|plan = 3", "take|accept my insurance|medicaid|plan = 3", "looking for a|an ... doctor|dentist|therapist|counselor|specialist|pediatrician|provider|clinic = 3", "therapist = 1.5", "counselor = 1.5", "psychiatrist = 1.5", "dentist = 1", "near me = 2", "in my area = 2", "close to home = 2", "closer to home = 2", "send me some names = 2.5", "names of = 1.5",
    ],
    member_materials: [
      "id card = 3", "id cards = 3", "insurance card = 3", "member card = 3", "new card = 2.5", "card = 1.5",
      "member packet = 3", "new member packet = 3.5", "welcome packet = 3", "handbook = 2.5", "member handbook = 3",
      "printed copy = 2", "mail me = 1.5", "never got = 1", "not received = 1", "havent received = 1",
      "plan mail = 2", "no mail = 1.5", "update ... address = 3", "new address = 2.5", "change of address = 2.5",
      "address on file = 2", "mailing address on file = 2.5", "we moved = 2.5", "i moved = 2", "moved = 1",
      "phone number = 1", "reissue* = 2.5", "re send = 1.5", "resend = 1.5", "replacement = 1.5",
      "tarjeta = 3", "manual del miembro = 3", "nueva direccion = 2.5", "the thanh vien = 3", "the bao hiem = 3", "the moi = 2", "gui lai = 1.5", "replacement card = 3", "lost my|mine card = 2", "lost mine = 1.5", "so tay = 2.5",
    ],
    language_access: [
      "interpreter = 4", "interpreters = 4", "interpreting = 3", "translat* = 3", "in spanish = 2", "in arabic = 2",
      "in vietnamese = 2", "in somali = 2", "tty = 3", "relay = 2", "videophone = 2", "asl = 3.5", "sign language = 3.5",
      "deaf = 2", "hard of hearing = 2", "braille = 3", "large print = 3", "language preference = 3.5",
      "language assistance = 3.5", "only reads = 2", "reads very little english = 3",
      "interprete = 4", "traduc* = 3", "en espanol = 1", "thong dich = 4", "bang tieng viet = 3", "tieng viet = 1",
      "khong doc duoc = 2",
    ],
    portal_access: [
      "website = 2", "web site = 2", "portal = 2", "app = 2", "log in = 2.5", "login = 2.5", "logging = 2", "loging = 2",
      "log me out = 2.5", "sign in = 2", "sign up = 1.5", "password = 3", "username = 3", "user name = 3",
      "register = 2", "registration = 2", "locked out = 3", "reset = 1.5", "verification code = 2.5",
      "session expired = 3", "secure message = 1.5", "message center = 2", "upload* = 2", "attach = 1.5", "paperclip = 2",
      "error = 1", "cant get in = 2.5", "account = 0.5", "sitio web = 2.5", "portal de miembros = 3", "contrasena = 3",
      "usuario = 2", "entrar = 1.5", "mi cuenta = 1", "trang web = 2.5", "mat khau = 3", "dang nhap = 3", "log into = 2.5", "logged into = 2", "sign into = 2.5", "page is blank = 2.5", "blank page = 2.5", "tried chrome|edge|firefox|safari = 2.5", "browser = 2",
    ],
    out_of_scope: [
      "commission = 4", "commissions = 4", "agent of record = 4", "aor = 4", "get appointed = 4", "appointed = 2",
      "appointment to sell = 4", "contracting = 3", "certification = 1", "sell ... plans = 2.5",
      "part of your company = 4", "medicare supplement = 2.5", "marketplace plan = 2.5", "another insurance company = 2.5",
      "my old insurance = 2", "previous insurance = 2", "other insurance company = 2", "different company = 2",
      "premiums = 1.5", "broker of record = 4", "writing number = 2", "another company = 2.5", "who ... should i be talking to = 1.5", "before i got|had medicaid = 2", "my old plan|company = 2.5", "different insurance = 2", "not you = 2 keep", "not your plan = 2 keep", "not with you = 2 keep", "had a ... plan|policy|insurance with = 2.5", "my previous|old|former|prior plan|insurance|carrier = 2.5", "another|other|different carrier = 3", "not with your plan = 2.5", "not on medicaid = 2.5", "do you sell = 3", "buy insurance = 2.5", "sell insurance = 2.5", "private insurance = 2", "spaa = 4", "workers comp* = 3", "are you hiring = 4", "we sell = 3", "set up a demo = 3", "demo = 1.5", "vendor = 2", "partnership = 2", "reporter = 3", "journalist = 3", "writing a story = 3", "media inquiry = 3", "apply for a job = 4", "job application = 3", "employment = 2",
    ],
    general_inquiry: [
      "office hours = 3", "what time = 2", "open on = 2", "are you open = 2.5", "closed on = 2", "mailing address = 3",
      "street address = 2.5", "drop off = 2", "thank you to = 3", "wanted to say thank = 3.5", "compliment = 3",
      "pass this along = 2", "how does ... work = 1.5", "explain how = 3", "how ... process = 2", "is there a required form = 2", "what is the process = 2.5", "what is the filing limit = 2", "process work* = 1.5", "turnaround time = 2", "monitored = 2",
      "backup inbox = 2.5", "holidays = 1", "horario = 3", "abiertas = 2", "a que hora = 2.5", "direccion postal = 3",
      "gio lam viec = 3", "wanted to thank = 3.5", "want to thank = 3", "thank ... for helping = 2", "thanks to = 2.5", "grateful = 2", "appreciated = 1.5", "kudos = 3", "shout out = 2", "hiring = 1",
    ],
  },
  high: {
    explicit: ["high priority = 4", "life threatening = 4", "emergency = 1.5", "emergencia = 1.5"],
    shortage: [
      "run|ran|runs|running out = 3 keep", "out of my medication|medicine|insulin|pills|inhaler|oxygen = 3", "out of insulin|medication|medicine|pills|oxygen|inhaler|formula = 3 keep",
      "pills|doses|days left = 2.5 keep", "last dose = 3", "no supplies = 3 keep", "without supplies = 3 keep",
      "cannot stop this medicine = 2 keep", "one|1|two|2|three|3|few|couple ... left = 2.5 keep", "no more at home = 3 keep", "none left = 3 keep", "i have no more = 3 keep", "emergency supply = 2", "se le acabo = 3", "se me acabo = 3",
      "se acabo = 3", "sin medicina = 3 keep", "sin medicamento = 3 keep", "het thuoc = 3",
    ],
    discharge: [
      "discharge = 1.5", "discharged = 1.5", "discharge on hold = 3", "discharged tomorrow|today = 3", "discharge tomorrow|today = 3", "being discharged = 2", "will not accept her|him|them until = 3 keep",
      "wont accept her|him|them until = 3 keep", "alta del hospital = 1.5",
    ],
    soon: [
      "today = 1", "tonight = 1", "tomorrow = 1", "before friday|monday|tuesday|wednesday|thursday|tomorrow = 1", "within 24 hours = 1.5", "in 2 days = 1", "in two days = 1",
      "2 days = 0.5", "this morning = 0.5", "monday|tuesday|wednesday|thursday|friday morning = 1",
      "hoy = 1", "manana = 1", "anoche = 0.5", "hom nay = 1", "ngay mai = 1",
    ],
    urgent: [
      "urgent = 1", "urgently = 1", "hurry = 1", "expedite = 1", "asap = 1", "as soon as possible = 1", "as fast as possible = 1", "immediately = 0.5",
      "expedited = 1", "urgente = 1", "ayudenme = 1", "khan cap = 1",
    ],
    safety: [
      "unsafe = 3", "not safe = 3 keep", "scared = 2", "afraid = 2", "danger* = 2", "hurt = 1.5", "injur* = 2",
      "did not strap = 2 keep", "didnt strap = 2 keep", "texting = 1", "abuse = 3", "neglect = 2.5", "suicid* = 4",
      "fell = 1", "short of breath = 3", "cant breathe well = 3 keep", "cannot|cant bathe|eat|cook|walk = 2 keep", "lives alone = 1", "without help = 1 keep", "no food = 2 keep", "cant breathe = 3 keep", "cannot breathe = 3 keep", "trouble breathing = 3", "chest pain = 3", "passed out = 3", "no puede respirar = 3 keep","peligro = 2", "miedo = 2",
    ],
    treatment: [
      "dialysis = 1.5", "chemo* = 1.5", "wheelchair = 1", "cpap = 1", "ventilator = 1", "oxygen = 1.5", "concentrator = 1", "24 hours a day = 1.5", "home care = 1", "hospital bed = 1", "insulin = 1", "wound care = 1", "blood thinner = 1",
      "infusion = 1", "ventilator = 2", "inhalador = 1", "inhaler = 1", "transplant = 1",
    ],
    blocked: [
      "did not show up = 2 keep", "didnt show up = 2 keep", "no show = 1.5", "no ride = 2 keep", "need a ride = 1.5",
      "no one is answering = 1 keep", "cannot get = 1 keep", "cant get = 1 keep", "rejected the refill = 2", "only one dose left = 3 keep", "one dose left = 3 keep", "cannot miss doses = 2 keep",
      "wont fill = 2 keep", "stopped working = 2 keep", "pick up my equipment = 2 keep", "take my equipment = 2 keep", "not working = 1.5 keep", "cant|cannot leave my|the apartment|home|house|bed = 2 keep", "cancelled|canceled my trip|ride = 2", "nobody can give me = 1.5 keep", "cannot|cant miss = 2 keep", "broke = 1", "broken = 1", "wont replace = 2 keep", "will not replace = 2 keep", "no hospital bed = 2 keep", "didnt pick me up = 2 keep", "did not pick me up = 2 keep", "missed my appointment = 1.5", "would not fill = 2 keep", "no me dan = 1.5 keep",
    ],
  },
  appealDecision: [
    "denied = 2", "deny = 2", "denying = 2", "denial = 2", "rejected = 1.5", "not approved = 2 keep", "not medically necessary = 2 keep",
    "turned down = 2", "only approved|approve = 2", "partially approved = 2", "cut back = 1.5", "stopped after = 1.5", "reduced = 1", "refused to cover|pay = 2", "negaron = 2", "negar = 2", "rechazaron = 1.5",
  ],
  appealObjection: [
    "not fair = 2 keep", "unfair = 2", "wrong = 1.5", "disagree = 2", "do not agree = 2 keep", "dont agree = 2 keep",
    "look at this|it again = 2", "someone else = 1.5", "second look = 2", "review ... again = 2", "change your answer = 2",
    "i need it = 1", "decision is wrong = 2.5 keep", "this is wrong = 2", "send it back = 1.5", "reviewed it again = 2", "says i need = 1.5", "no es justo = 2 keep", "no estoy de acuerdo = 2 keep",
  ],
  escalation: [
    "escalat* = 3", "ombudsman = 3", "legislative = 3", "legislator = 3", "constituent = 3", "representative office = 2",
    "state agency = 2.5", "department of human services = 2.5", "deputy director = 2.5", "directors office = 2.5",
    "leadership = 2", "per my supervisor = 2.5", "member called = 2.5", "took a call from = 2.5", "forwarding for follow up = 2.5", "called in = 1", "relaying = 2", "member liaison = 2",
  ],
  repeat: [
    "second|third|fourth|fifth|2nd|3rd|4th|5th time = 3", "second|third|fourth|2nd|3rd|4th request = 3",
    "second|third|fourth|2nd|3rd|4th inquiry|email|message|attempt = 3", "sending it again = 3 keep",
    "sending this again = 3", "asking again = 2.5", "writing again = 2.5", "again in = 1.5", "and again on = 2.5",
    "have not received a response = 3 keep", "havent received a response = 3 keep", "no response = 1.5 keep",
    "never heard back = 3 keep", "havent heard back = 3 keep", "have not heard back = 3 keep",
    "no one has called|written|responded|answered|replied|contacted = 3 keep", "nobody has contacted|called = 3 keep", "still waiting = 2", "nobody has answered|responded|called|replied = 3 keep",
    "last two|2|three|3 emails|messages|calls = 3", "still waiting for a response|reply|answer|call = 2.5",
    "i sent the message below = 2.5", "i sent this request = 2.5", "follow up on my previous = 2.5",
    "es la segunda|tercera|cuarta vez = 3", "nadie me regresa|devuelve|contesta = 3 keep", "otra vez que llamo = 2.5",
    "lan thu hai|ba = 3", "emailed|called|written|wrote|messaged|asked|contacted ... twice = 3", "emailed|called|written|wrote|messaged|asked|contacted ... several|multiple|many|three|four|3|4 times = 3", "nobody|no one gets|got back = 3 keep", "no one ever gets back = 3 keep", "still havent heard = 3 keep", "keep calling = 2", "already emailed|called|wrote|asked|contacted = 2", "still no answer|response|reply|word = 2.5 keep", "no one has gotten back = 3 keep", "nobody has gotten back = 3 keep", "no one got back = 3 keep", "varias veces = 2", "never got a reply|response|answer = 3 keep", "i wrote ... ago = 2", "i emailed ... ago = 2",
  ],
  clinical: [
    "side effect* = 3", "is it ok|okay|safe for me to = 3", "should i stretch|stop|keep|take|skip = 3",
    "should i keep taking = 3", "medical advice = 3", "medical necessity = 3", "clinical review = 3",
    "peer to peer = 3", "expedited review = 3", "expedited prior = 3", "chest pain = 3", "trouble breathing = 3",
    "cant breathe = 3 keep", "shortness of breath = 3", "suicid* = 3", "overdose = 3", "seizure* = 1",
    "rescue inhaler = 2", "inhalador de rescate = 2", "mucha tos = 1.5", "fiebre = 1", "debo tomar = 3",
    "unsafe discharge = 3", "short of breath = 3", "getting worse = 2", "cant breathe well = 3 keep", "can i take = 3", "should i take = 3", "safe to take = 3", "okay to take = 3", "ok to take = 3", "drug interaction = 3", "interact* with = 2.5", "puedo tomar = 3",
  ],
  accountInfo: [
    "what|which address ... you ... have = 3", "what username|email ... you have = 3", "on my account = 2",
    "address ... on file = 2", "have for me on file = 3", "is my coverage ... active = 3",
    "coverage still active = 3", "what date does my coverage = 3", "status of the following claims = 3",
    "claim status = 2.5", "status of my claim = 3", "paid amounts = 3", "denial reasons = 2.5",
    "did you pay = 3", "have you paid = 3", "ya pagaron = 3", "si la rechazaron = 3", "mi cuenta = 1",
    "my balance = 2.5", "my eligibility = 2", "am i still covered = 3", "what do you have on file = 3", "my claim = 1.5", "was|were paid = 1.5", "if you paid = 2.5", "was it paid = 2.5",
  ],
  sender: {
    member: [
      "i am a member = 4", "im a member = 4", "my card = 2", "my son = 2", "my daughter = 2", "my husband = 2",
      "my wife = 2", "my mother = 2", "my child* = 2", "my kids = 2", "my baby = 2", "my coverage = 2",
      "my plan = 1.5", "my doctor = 1.5", "my appointment = 1.5", "my medicaid = 2", "authorized rep* = 2",
      "parent of = 2.5", "my ... year old = 2", "our medicaid card = 2", "my last letter = 1.5", "my family = 1.5", "my caseworker = 2", "my grandson = 2", "member id on my card = 3", "mi hija = 2",
      "mi hijo = 2", "mi bebe = 2", "mi mama = 2", "mi cita = 2", "tengo medicaid = 3", "hoi vien = 2",
      "con cua toi = 2", "cac con = 1",
    ],
    provider: [
      "our patient = 4", "our patients = 3", "the member below = 3", "our provider = 3", "our office = 2",
      "our clinic = 3", "our practice = 3", "referral coordinator = 3", "front desk = 1", "patient financial services = 4",
      "revenue cycle = 3", "accounts receivable = 3", "billing office = 3", "denials management = 4",
      "auth coordinator = 3", "prior authorization coordinator = 3", "new group in your network = 4",
      "ordering provider = 2", "referring provider = 2", "npi = 2", "tax id = 2", "dos = 1", "patient scheduling = 3",
      "the patient below = 3", "for the patient = 1.5", "front office = 2", "our system shows = 1.5",
    ],
    /** Organisation words that only count in the last lines, where a signature stands. */
    providerOrg: [
      "medical group = 2", "family medicine = 2", "family practice = 2", "pediatrics = 2", "orthopedics = 2",
      "physical therapy = 2", "health center = 1.5", "clinic = 1", "hospital = 1", "lpn = 1.5", "rn = 1", "crcr = 3",
      "billing department = 3", "billing = 1",
    ],
    agent: [
      "agent name = 4", "agent san = 4", "licensed insurance agent = 4", "my clients = 3", "my client = 2.5",
      "broker portal = 3", "i wrote = 1", "principal agent = 4", "insurance agency = 3", "insurance group = 3",
      "insurance services = 3", "brokers = 3", "benefits group = 2", "benefit partners = 2", "agent of record = 2",
      "im an agent = 4", "i am an agent = 4", "as his agent = 3", "as her agent = 3",
    ],
    internal: [
      "csr = 3", "customer service representative = 3", "member liaison = 3",
      "legislative liaison = 4", "ombudsman = 3", "department of human services = 3", "service worker = 3",
      "deputy director = 3", "state medicaid agency = 3", "care coordinator = 2", "care management = 2",
      "escalating = 2", "took a call = 3", "i took a call = 3", "constituent services = 3", "member services csr = 4",
    ],
  },
  informational: ["how", "explain", "what is the process", "what are the steps", "como funciona"],
};

export interface VocabularyExtension {
  readonly categories?: Partial<Record<Category, CueList>>;
  readonly escalation?: CueList;
  readonly repeat?: CueList;
  readonly clinical?: CueList;
  readonly accountInfo?: CueList;
}

/** A deployment's additions appended to the vocabulary (never replacing the product's own). */
export function extendVocabulary(base: Vocabulary, ext: VocabularyExtension | undefined): Vocabulary {
  if (!ext) return base;
  const categories = { ...base.categories };
  for (const c of CATEGORIES) {
    const more = ext.categories?.[c];
    if (more) categories[c] = [...categories[c], ...more];
  }
  return {
    ...base,
    categories,
    escalation: [...base.escalation, ...(ext.escalation ?? [])],
    repeat: [...base.repeat, ...(ext.repeat ?? [])],
    clinical: [...base.clinical, ...(ext.clinical ?? [])],
    accountInfo: [...base.accountInfo, ...(ext.accountInfo ?? [])],
  };
}
