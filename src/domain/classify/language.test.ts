import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURES, PART_OWN, PART_SUBJECT, WordBuffer, readEmail } from "./features";
import { detectLanguage } from "./language";

const lang = (text: string) => detectLanguage(text).language;

/** The language as the classifier asks for it: from the words it has already hashed for the model. */
function fromHashes(own: string, subject = "", quoted = "") {
  const buf = new WordBuffer();
  readEmail({ subject, own, quoted, structure: [] }, DEFAULT_FEATURES, buf);
  return { own: detectLanguage(own, buf, PART_OWN).language, subject: detectLanguage(subject, buf, PART_SUBJECT).language };
}

describe("the language an email is written in", () => {
  it("reads Cyrillic, Arabic and Chinese by their script, digits and spaces not counted as letters", () => {
    expect(lang("Здравствуйте, мне нужна новая карта")).toBe("ru");
    expect(lang("أحتاج بطاقة تأمين جديدة من فضلكم")).toBe("ar");
    expect(lang("我需要一张新的保险卡")).toBe("zh");
    // five Cyrillic letters among 27 digits and spaces: still all the letters there are
    expect(lang("Полис 123456789 123456789 123456789")).toBe("ru");
  });

  it("keeps an English email English when it only quotes a name in another script", () => {
    // 4 Cyrillic letters of 22: more than 3 % not Latin, but far from the 30 % a script needs
    expect(lang("Please help, my name is Иван")).toBe("en");
  });

  it("reads Vietnamese by its letters, but not one accented name in an English sentence", () => {
    expect(lang("Tôi cần thẻ bảo hiểm mới cho con tôi")).toBe("vi");
    // 1 Vietnamese letter of 31 (3.2 %): above the 3 % that looks further, below the 4 % Vietnamese needs
    expect(lang("Please send the card to Nguyễn at home")).toBe("en");
  });

  it("reads Spanish, Portuguese and French by their function words, accents and apostrophes folded", () => {
    expect(lang("Hola, necesito ayuda con mi tarjeta por favor")).toBe("es");
    // "você" and "não" are function words only once their accents are off
    expect(lang("Olá, você está bem? Não tenho cartão")).toBe("pt");
    // "j'ai" twice is "jai" twice: French 1 + 1 + half of "la" against half for Spanish
    expect(lang("J'ai reçu la lettre, j'ai appelé")).toBe("fr");
  });

  it("counts a word several languages share as a share for each, and calls a short or mixed text English", () => {
    expect(lang("Hola")).toBe("en"); // one function word is not enough (two are needed)
    // "de" and "que" are Spanish, Portuguese and French: a third each, 4/3 < 2, so English
    expect(lang("de que de que the")).toBe("en");
    // six of them: 2 for each of the three; the tie goes to Spanish, the most common of the three here
    expect(lang("de que de que de que")).toBe("es");
  });

  it("decides on the first 1,200 characters and the first 250 words", () => {
    const english = "Please help me. ".repeat(82); // 1,312 characters, no letter outside ASCII
    expect(lang(english + "Здравствуйте, мне нужна новая карта. ".repeat(20))).toBe("en");
    // 250 English words in 500 characters, then 350 Spanish ones still inside the 1,200
    expect(lang("i ".repeat(250) + "y ".repeat(350))).toBe("en");
    expect(lang("i ".repeat(100) + "y ".repeat(350))).toBe("es");
  });

  it("gives the same answer from the model's hashed words as from the text, for the body and the subject apart", () => {
    expect(fromHashes("Hola, necesito ayuda con mi tarjeta por favor", "My card")).toEqual({ own: "es", subject: "en" });
    expect(fromHashes("Please help me with my card, thank you", "Necesito una tarjeta para mi hija")).toEqual({ own: "en", subject: "es" });
    expect(fromHashes("J'ai reçu la lettre, j'ai appelé").own).toBe("fr");
  });

  it("reads Spanish written after a list of medicines longer than 1,200 characters, from the model's words", () => {
    const medicines =
      "metformin atorvastatin lisinopril levothyroxine omeprazole amlodipine gabapentin sertraline hydrochlorothiazide losartan simvastatin montelukast escitalopram rosuvastatin pantoprazole furosemide tamsulosin carvedilol clopidogrel glipizide duloxetine meloxicam trazodone prednisone pravastatin venlafaxine spironolactone citalopram allopurinol fluoxetine insulin glargine warfarin apixaban donepezil";
    const list = medicines
      .split(" ")
      .map((m, i) => `${m}, ${(i % 9) * 10 + 5} mg tablets, refilled monthly`)
      .join("\n");
    const own = `${list}\n\nHola, necesito saber si mi plan cubre todas estas medicinas. Gracias.`;
    expect(list.length).toBeGreaterThan(1200); // 214 of the model's words, no function word among them
    expect(fromHashes(own).own).toBe("es"); // the first 250 words, wherever they are
    expect(lang(own)).toBe("en"); // the text alone is read to 1,200 characters: only the list
  });

  it("reads the sender's own words only, not the quoted message they answer", () => {
    const quoted = "Hola, necesito ayuda con mi tarjeta por favor, gracias. ".repeat(5);
    expect(fromHashes("Please help me with my card, thank you", "", quoted).own).toBe("en");
  });

  it("counts a to z, in either case, as Latin letters, and punctuation as no letter at all", () => {
    // 4 Cyrillic letters beside 12 Latin ones (6 of them "a"): 25 %, English
    expect(lang("Иван banana BANANA")).toBe("en");
    // beside 10 "z": 4 of 14, 29 %, English
    expect(lang("Иван zz zz ZZ zz zz")).toBe("en");
    // beside tildes and braces only: all the letters are Cyrillic
    expect(lang("Иван ~~~~~ {} [] ^^ __ ||")).toBe("ru");
  });

  it("needs more than 30 % of the letters in a script, and more than 4 % Vietnamese letters", () => {
    // 3 Cyrillic letters of 10: exactly 30 %, still English
    expect(lang("Юля Johnson")).toBe("en");
    expect(lang("Юля Jones")).toBe("ru"); // 3 of 8
    // 1 Vietnamese letter of 25: exactly 4 %, still English
    expect(lang("please call Nguy\u1ec5n at home now")).toBe("en");
    expect(lang("please call Nguy\u1ec5n at home")).toBe("vi"); // 1 of 22
  });

  it("calls a text with two function words of one language that language", () => {
    expect(lang("Hola, gracias")).toBe("es");
    expect(lang("Merci, bonjour")).toBe("fr");
  });

  it("counts exactly the first 250 words, from the text and from the model's words alike", () => {
    // 125 Spanish and 125 English words are a tie, which English wins; one word more or less would decide it
    expect(lang("y ".repeat(125) + "i ".repeat(200))).toBe("en");
    expect(fromHashes("i ".repeat(125) + "y ".repeat(200)).own).toBe("en");
    expect(fromHashes("i ".repeat(250) + "y ".repeat(350)).own).toBe("en");
    expect(fromHashes("i ".repeat(100) + "y ".repeat(350)).own).toBe("es");
  });
  it("counts C1 control characters (U+0080 and on, as a mis-decoded email carries them) among the letters a script's share is taken of", () => {
    // 55 Latin letters, 30 Cyrillic and 20 U+0080: Cyrillic is 30 of 105, under the 30 % that makes Russian (30 of 85 without the controls)
    const text = `the member wrote about her card and her doctor visit please help us ${"Москва ".repeat(5).trim()} ${"\u0080".repeat(20)}`;
    expect(detectLanguage(text).language).not.toBe("ru");
    // one more Cyrillic word (36 of 111) is Russian
    expect(detectLanguage(`${text} Москва`).language).toBe("ru");
  });
});
