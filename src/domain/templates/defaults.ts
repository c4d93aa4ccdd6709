/**
 * The default templates that ship with the product and fill the "Response Templates" list on first
 * provisioning. Written from the procedures in plain language; the organisation's name, phone
 * numbers and hours are placeholders filled from the deployment's settings, never text.
 */
import type { Template } from "./templates";

const approved = { status: "Approved", version: 1, approvedBy: "Member Services Quality Team", approvedOn: "2026-11-01" } as const;

type Body = Pick<Template, "id" | "title" | "purpose" | "language" | "body"> & Partial<Pick<Template, "categories" | "flags" | "policies">>;

const t = (b: Body): Template => ({ categories: [], flags: [], policies: [], approval: approved, ...b });

const call = {
  en: "<p>Questions? Call us at {memberServicesPhone} (TTY {ttyPhone}), {hours}.</p>",
  es: "<p>¿Preguntas? Llámenos al {memberServicesPhone} (TTY {ttyPhone}), {hours}.</p>",
  vi: "<p>Nếu có câu hỏi, xin gọi {memberServicesPhone} (TTY {ttyPhone}), {hours}.</p>",
};

export const DEFAULT_TEMPLATES: readonly Template[] = [
  // acknowledgement
  t({ id: "ack-en", title: "We got your message", purpose: "acknowledgement", language: "en",
    body: `<p>Hello {memberName},</p><p>Thank you for writing to {organisationName}. We got your message and will answer you within one business day.</p>${call.en}` }),
  t({ id: "ack-es", title: "Recibimos su mensaje", purpose: "acknowledgement", language: "es",
    body: `<p>Hola, {memberName}:</p><p>Gracias por escribir a {organisationName}. Recibimos su mensaje y le responderemos en un día hábil.</p>${call.es}` }),
  t({ id: "ack-vi", title: "Chúng tôi đã nhận thư của quý vị", purpose: "acknowledgement", language: "vi",
    body: `<p>Xin chào {memberName},</p><p>Cảm ơn quý vị đã viết thư cho {organisationName}. Chúng tôi đã nhận thư và sẽ trả lời trong một ngày làm việc.</p>${call.vi}` }),
  // researching, with the confirmation number
  t({ id: "research-en", title: "We are looking into it", purpose: "researching", language: "en",
    body: `<p>Hello {memberName},</p><p>Thank you for contacting {organisationName}. We got your question and we are looking into it now. We will contact you when we have an answer.</p><p>If you call us about this, please give this confirmation number: <strong>{confirmationNumber}</strong>.</p>${call.en}` }),
  t({ id: "research-es", title: "Estamos revisando su pregunta", purpose: "researching", language: "es",
    body: `<p>Hola, {memberName}:</p><p>Gracias por comunicarse con {organisationName}. Recibimos su pregunta y la estamos revisando. Le avisaremos cuando tengamos una respuesta.</p><p>Si nos llama sobre esto, dé este número de confirmación: <strong>{confirmationNumber}</strong>.</p>${call.es}` }),
  t({ id: "research-vi", title: "Chúng tôi đang xem xét", purpose: "researching", language: "vi",
    body: `<p>Xin chào {memberName},</p><p>Cảm ơn quý vị đã liên lạc với {organisationName}. Chúng tôi đã nhận câu hỏi và đang xem xét. Chúng tôi sẽ liên lạc khi có câu trả lời.</p><p>Nếu gọi cho chúng tôi về việc này, xin cho biết số xác nhận: <strong>{confirmationNumber}</strong>.</p>${call.vi}` }),
  // routed to another department
  t({ id: "routed-en", title: "We sent your question to the right team", purpose: "routed", language: "en",
    body: `<p>Hello {memberName},</p><p>Thank you for writing to us. We sent your question to our {departmentName} team, who can best help you. They will contact you.</p><p>Your confirmation number is <strong>{confirmationNumber}</strong>.</p>${call.en}` }),
  t({ id: "routed-es", title: "Enviamos su pregunta al equipo indicado", purpose: "routed", language: "es",
    body: `<p>Hola, {memberName}:</p><p>Gracias por escribirnos. Enviamos su pregunta a nuestro equipo de {departmentName}, que es el que mejor puede ayudarle. Ellos se comunicarán con usted.</p><p>Su número de confirmación es <strong>{confirmationNumber}</strong>.</p>${call.es}` }),
  // request for information
  t({ id: "info-en", title: "We need a little more information", purpose: "requestInfo", language: "en", flags: ["missing_required_info"],
    body: `<p>Hello {memberName},</p><p>Thank you for writing to us. To help you, we need a little more information:</p><p>{missingFields}</p><p>Please reply to this email with it. Your confirmation number is <strong>{confirmationNumber}</strong>.</p>${call.en}` }),
  t({ id: "info-es", title: "Necesitamos un poco más de información", purpose: "requestInfo", language: "es", flags: ["missing_required_info"],
    body: `<p>Hola, {memberName}:</p><p>Gracias por escribirnos. Para ayudarle, necesitamos un poco más de información:</p><p>{missingFields}</p><p>Por favor responda a este correo con esos datos. Su número de confirmación es <strong>{confirmationNumber}</strong>.</p>${call.es}` }),
  // out of scope
  t({ id: "scope-en", title: "Where to get help with this", purpose: "outOfScope", language: "en", categories: ["out_of_scope"],
    body: `<p>Hello {memberName},</p><p>Thank you for writing to us. This mailbox cannot help with this request. {guidance}</p>${call.en}` }),
  t({ id: "scope-es", title: "Dónde obtener ayuda con esto", purpose: "outOfScope", language: "es", categories: ["out_of_scope"],
    body: `<p>Hola, {memberName}:</p><p>Gracias por escribirnos. Este buzón no puede ayudar con esta solicitud. {guidance}</p>${call.es}` }),
  // general information only until identity is verified
  t({ id: "verify-en", title: "Please call so we can check it is you", purpose: "generalInfoUntilVerified", language: "en", flags: ["account_verification_required"],
    body: `<p>Hello {memberName},</p><p>Thank you for writing to us. By email we can only share general information. To keep your information private, please call us at {memberServicesPhone} so we can check who you are. Then we can answer questions about your own account.</p><p>TTY: {ttyPhone}. We are open {hours}.</p>` }),
  t({ id: "verify-es", title: "Llámenos para confirmar su identidad", purpose: "generalInfoUntilVerified", language: "es", flags: ["account_verification_required"],
    body: `<p>Hola, {memberName}:</p><p>Gracias por escribirnos. Por correo solo podemos dar información general. Para proteger su información, llámenos al {memberServicesPhone} para confirmar quién es usted. Después podremos responder preguntas sobre su propia cuenta.</p><p>TTY: {ttyPhone}. Horario: {hours}.</p>` }),
  // specialist information
  t({ id: "specialist-en", title: "Specialists near the member", purpose: "specialistInfo", language: "en", categories: ["provider_search"],
    body: `<p>Hello {memberName},</p><p>Here are {specialty} offices in our network near {location}:</p><p>{providerList}</p><p>Please call the office first to check that it takes new patients.</p>${call.en}` }),
  t({ id: "specialist-es", title: "Especialistas cerca del miembro", purpose: "specialistInfo", language: "es", categories: ["provider_search"],
    body: `<p>Hola, {memberName}:</p><p>Estos son consultorios de {specialty} de nuestra red cerca de {location}:</p><p>{providerList}</p><p>Llame primero al consultorio para confirmar que recibe pacientes nuevos.</p>${call.es}` }),
  // follow-up
  t({ id: "followup-en", title: "We are still working on it", purpose: "followUp", language: "en",
    body: `<p>Hello {memberName},</p><p>We are still working on your question. We expect to have an answer by {expectedDate}. We will write again if anything changes.</p><p>Your confirmation number is <strong>{confirmationNumber}</strong>.</p>${call.en}` }),
  t({ id: "followup-es", title: "Seguimos trabajando en su pregunta", purpose: "followUp", language: "es",
    body: `<p>Hola, {memberName}:</p><p>Seguimos trabajando en su pregunta. Esperamos tener una respuesta para el {expectedDate}. Le escribiremos si algo cambia.</p><p>Su número de confirmación es <strong>{confirmationNumber}</strong>.</p>${call.es}` }),
  // resolution
  t({ id: "resolution-en", title: "Here is our answer", purpose: "resolution", language: "en",
    body: `<p>Hello {memberName},</p><p>We have finished looking into your question.</p><p>{resolutionSummary}</p><p>If you have more questions, call {memberServicesPhone} (TTY {ttyPhone}) and give your confirmation number <strong>{confirmationNumber}</strong>.</p>` }),
  t({ id: "resolution-es", title: "Esta es nuestra respuesta", purpose: "resolution", language: "es",
    body: `<p>Hola, {memberName}:</p><p>Terminamos de revisar su pregunta.</p><p>{resolutionSummary}</p><p>Si tiene más preguntas, llame al {memberServicesPhone} (TTY {ttyPhone}) y dé su número de confirmación <strong>{confirmationNumber}</strong>.</p>` }),
];
