// The Legends demo console: plays Slack's part. What a person types or clicks goes to the
// demo endpoints, which sign it and send it to /slack/events as Slack would; every Web API
// call Legends made (recorded at /demo/events) is applied to a Slack-like workspace here.
"use strict";

const EMOJI = {
  memo: "📝", tada: "🎉", white_check_mark: "✅", heavy_check_mark: "✔️", x: "❌", warning: "⚠️", no_entry: "⛔",
  no_entry_sign: "🚫", hourglass_flowing_sand: "⏳", hourglass: "⌛", leftwards_arrow_with_hook: "↩️", palm_tree: "🌴",
  trophy: "🏆", chart_with_upwards_trend: "📈", chart_with_downwards_trend: "📉", bar_chart: "📊", moneybag: "💰",
  money_with_wings: "💸", fire: "🔥", rocket: "🚀", sparkles: "✨", star: "⭐", star2: "🌟", wave: "👋", eyes: "👀",
  bulb: "💡", clipboard: "📋", calendar: "📅", date: "📅", bust_in_silhouette: "👤", busts_in_silhouette: "👥",
  thumbsup: "👍", "+1": "👍", thumbsdown: "👎", clap: "👏", muscle: "💪", medal: "🏅", first_place_medal: "🥇",
  second_place_medal: "🥈", third_place_medal: "🥉", dart: "🎯", mag: "🔍", lock: "🔒", key: "🔑", gear: "⚙️",
  information_source: "ℹ️", question: "❓", exclamation: "❗", heavy_plus_sign: "➕", arrow_up: "⬆️",
  arrow_down: "⬇️", arrow_right: "➡️", small_red_triangle: "🔺", small_red_triangle_down: "🔻", zzz: "💤",
  robot_face: "🤖", speech_balloon: "💬", inbox_tray: "📥", outbox_tray: "📤", package: "📦", seedling: "🌱",
  raised_hands: "🙌", pencil: "📝", pencil2: "✏️", link: "🔗", bell: "🔔", no_bell: "🔕", hammer_and_wrench: "🛠️",
  white_circle: "⚪", large_green_circle: "🟢", red_circle: "🔴", large_yellow_circle: "🟡", chart: "💹",
  stopwatch: "⏱️", spiral_calendar_pad: "🗓️", beach_with_umbrella: "🏖️", airplane: "✈️", handshake: "🤝",
  heavy_minus_sign: "➖", heavy_dollar_sign: "💲", dollar: "💵", ok_hand: "👌", pray: "🙏", thinking_face: "🤔"
};

const state = {
  people: [], channels: [], me: null, view: { kind: "channel", id: null }, homeTab: "home",
  since: 0, messages: {}, homes: {}, modals: {}, thread: null, unread: new Set(), sequence: 0, replaying: true
};
const $ = (id) => document.getElementById(id);

// ---------- text ----------
function escapeHtml(text) {
  return String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function unescapeSlack(text) {
  return String(text ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
function emoji(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (match, name) => EMOJI[name] || match);
}
function personName(id) {
  const person = state.people.find((p) => p.id === id);
  return person ? person.name : id;
}
function channelName(id) {
  const channel = state.channels.find((c) => c.id === id);
  return channel ? channel.name : id;
}
function formatPlain(text) {
  return emoji(escapeHtml(unescapeSlack(text)));
}
function mrkdwn(raw) {
  const text = String(raw ?? "");
  const stash = [];
  const keep = (html) => { stash.push(html); return `\u0000${stash.length - 1}\u0000`; };
  let out = text.replace(/```([\s\S]*?)```/g, (m, code) => keep(`<pre>${escapeHtml(unescapeSlack(code))}</pre>`));
  out = out.replace(/`([^`\n]+)`/g, (m, code) => keep(`<code>${escapeHtml(unescapeSlack(code))}</code>`));
  out = out.replace(/<([^<>]+)>/g, (m, token) => keep(slackToken(token)));
  out = escapeHtml(unescapeSlack(out));
  out = out.replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/gm, "$1<b>$2</b>")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/gm, "$1<i>$2</i>")
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/gm, "$1<s>$2</s>")
    .replace(/^&gt; ?(.*)$/gm, "<blockquote>$1</blockquote>");
  out = emoji(out);
  return out.replace(/\u0000(\d+)\u0000/g, (m, index) => stash[Number(index)]);
}
function slackToken(token) {
  const [target, label] = token.split("|", 2);
  if (target.startsWith("@")) return `<span class="mention">@${escapeHtml(label || personName(target.slice(1)))}</span>`;
  if (target.startsWith("#")) return `<span class="mention">#${escapeHtml(label || channelName(target.slice(1)))}</span>`;
  if (target.startsWith("!date")) return escapeHtml(unescapeSlack(label || ""));
  if (target.startsWith("!")) return `<span class="mention">@${escapeHtml(label || target.slice(1))}</span>`;
  const url = unescapeSlack(target);
  const safe = /^(https?:|mailto:)/i.test(url) ? url : "#";
  return `<a href="${escapeHtml(safe)}" target="_blank" rel="noopener">${escapeHtml(unescapeSlack(label || url))}</a>`;
}
function textOf(t) {
  if (!t) return "";
  return t.type === "mrkdwn" ? mrkdwn(t.text) : formatPlain(t.text);
}
function parse(json, fallback) {
  if (json === undefined || json === null || json === "") return fallback;
  if (typeof json !== "string") return json;
  try { return JSON.parse(json); } catch (e) { return fallback; }
}

// ---------- Block Kit ----------
// where: { kind: "message", channel, ts, ephemeral } | { kind: "view", view }
function renderBlocks(blocks, where) {
  return (blocks || []).map((block) => renderBlock(block, where)).join("");
}
function renderBlock(block, where) {
  const id = escapeHtml(block.block_id || "");
  switch (block.type) {
    case "header": return `<div class="block-header" data-block-id="${id}">${textOf(block.text)}</div>`;
    case "divider": return "<hr>";
    case "context": return `<div class="block-context" data-block-id="${id}">${(block.elements || []).map((e) => renderElement(e, block, where)).join("")}</div>`;
    case "actions": return `<div class="block-actions" data-block-id="${id}">${(block.elements || []).map((e) => renderElement(e, block, where)).join("")}</div>`;
    case "section": {
      const fields = block.fields ? `<div class="fields">${block.fields.map((f) => `<div>${textOf(f)}</div>`).join("")}</div>` : "";
      const accessory = block.accessory ? `<div class="accessory">${renderElement(block.accessory, block, where)}</div>` : "";
      return `<div class="block-section" data-block-id="${id}"><div class="text">${textOf(block.text)}${fields}</div>${accessory}</div>`;
    }
    case "image": return `<div class="block-image">${block.title ? `<div>${textOf(block.title)}</div>` : ""}<img alt="${escapeHtml(block.alt_text)}" src="${escapeHtml(block.image_url)}"></div>`;
    case "input": return renderInput(block, where);
    case "rich_text": return `<div class="block-section"><div class="text">${escapeHtml(JSON.stringify(block.elements))}</div></div>`;
    default: return `<div class="block-context">[${escapeHtml(block.type)} block]</div>`;
  }
}
function options(list) {
  return (list || []).map((o) => `<option value="${escapeHtml(o.value)}">${formatPlain(o.text.text)}</option>`).join("");
}
function optionsOf(element) {
  if (element.option_groups) {
    return element.option_groups.map((g) => `<optgroup label="${escapeHtml(g.label.text)}">${options(g.options)}</optgroup>`).join("");
  }
  return options(element.options);
}
function peopleOptions() {
  return state.people.map((p) => `<option value="${p.id}">${escapeHtml(p.name)}</option>`).join("");
}
function conversationOptions(withDms) {
  const channels = state.channels.map((c) => `<option value="${c.id}">#${escapeHtml(c.name)}</option>`).join("");
  const dms = withDms ? state.people.map((p) => `<option value="D${p.id.slice(1)}">${escapeHtml(p.name)} (DM)</option>`).join("") : "";
  return channels + dms;
}
function selectHtml(element, multiple, attributes) {
  const placeholder = element.placeholder ? formatPlain(element.placeholder.text) : "Select";
  const empty = multiple ? "" : `<option value="">${placeholder}</option>`;
  let inner;
  switch (element.type.replace(/^multi_/, "")) {
    case "users_select": inner = peopleOptions(); break;
    case "conversations_select": inner = conversationOptions(true); break;
    case "channels_select": inner = conversationOptions(false); break;
    case "external_select": inner = ""; break;
    default: inner = optionsOf(element);
  }
  return `<select ${multiple ? "multiple" : ""} ${attributes}>${empty}${inner}</select>`;
}
function renderElement(element, block, where) {
  const attrs = `data-action-id="${escapeHtml(element.action_id || "")}" data-block-id="${escapeHtml(block.block_id || "")}"`;
  switch (element.type) {
    case "button": {
      const style = element.style ? ` ${element.style}` : "";
      return `<button type="button" class="block-button${style}" ${attrs} data-value="${escapeHtml(element.value || "")}" data-element="${escapeHtml(JSON.stringify(element))}">${formatPlain(element.text.text)}</button>`;
    }
    case "image": return `<img alt="${escapeHtml(element.alt_text)}" src="${escapeHtml(element.image_url)}" height="20">`;
    case "mrkdwn": case "plain_text": return `<span>${textOf(element)}</span>`;
    case "overflow": return `<select class="block-select" ${attrs} data-element="${escapeHtml(JSON.stringify(element))}"><option value="">⋯</option>${options(element.options)}</select>`;
    default:
      if (/select$/.test(element.type) || element.type === "datepicker" || element.type === "timepicker") {
        if (element.type === "datepicker") return `<input type="date" class="block-select" ${attrs} data-element="${escapeHtml(JSON.stringify(element))}" value="${escapeHtml(element.initial_date || "")}">`;
        if (element.type === "timepicker") return `<input type="time" class="block-select" ${attrs} data-element="${escapeHtml(JSON.stringify(element))}" value="${escapeHtml(element.initial_time || "")}">`;
        return selectHtml(element, element.type.startsWith("multi_"), `class="block-select" ${attrs} data-element="${escapeHtml(JSON.stringify(element))}"`);
      }
      return element.text !== undefined ? textOf(element) : "";
  }
}
function renderInput(block, where) {
  const element = block.element || {};
  const id = escapeHtml(block.block_id);
  const inputId = `in-${id}`;
  const attrs = `id="${inputId}" name="${id}" data-block-id="${id}" data-action-id="${escapeHtml(element.action_id || "")}" data-type="${escapeHtml(element.type)}"`;
  const placeholder = element.placeholder ? ` placeholder="${escapeHtml(element.placeholder.text)}"` : "";
  let control;
  switch (element.type) {
    case "plain_text_input":
      control = element.multiline
        ? `<textarea ${attrs}${placeholder}${element.max_length ? ` maxlength="${element.max_length}"` : ""}>${escapeHtml(element.initial_value || "")}</textarea>`
        : `<input type="text" ${attrs}${placeholder}${element.max_length ? ` maxlength="${element.max_length}"` : ""} value="${escapeHtml(element.initial_value || "")}">`;
      break;
    case "number_input":
      control = `<input type="number" ${attrs}${placeholder} step="${element.is_decimal_allowed ? "any" : "1"}"${element.min_value !== undefined ? ` min="${escapeHtml(element.min_value)}"` : ""}${element.max_value !== undefined ? ` max="${escapeHtml(element.max_value)}"` : ""} value="${escapeHtml(element.initial_value || "")}">`;
      break;
    case "url_text_input": control = `<input type="url" ${attrs}${placeholder} value="${escapeHtml(element.initial_value || "")}">`; break;
    case "email_text_input": control = `<input type="email" ${attrs}${placeholder} value="${escapeHtml(element.initial_value || "")}">`; break;
    case "datepicker": control = `<input type="date" ${attrs} value="${escapeHtml(element.initial_date || "")}">`; break;
    case "timepicker": control = `<input type="time" ${attrs} value="${escapeHtml(element.initial_time || "")}">`; break;
    case "datetimepicker": {
      const initial = element.initial_date_time ? new Date(element.initial_date_time * 1000).toISOString().slice(0, 16) : "";
      control = `<input type="datetime-local" ${attrs} value="${initial}">`;
      break;
    }
    case "checkboxes": case "radio_buttons": {
      const kind = element.type === "checkboxes" ? "checkbox" : "radio";
      control = `<div ${attrs}>${(element.options || []).map((o, i) => `<label class="choice"><input type="${kind}" name="${id}" value="${escapeHtml(o.value)}" data-index="${i}"> ${textOf(o.text)}${o.description ? `<span class="description">${textOf(o.description)}</span>` : ""}</label>`).join("")}</div>`;
      break;
    }
    default:
      if (/select$/.test(element.type)) control = selectHtml(element, element.type.startsWith("multi_"), attrs);
      else control = `<div class="hint">[${escapeHtml(element.type)} input]</div>`;
  }
  const optional = block.optional ? ` <span class="optional">(optional)</span>` : "";
  const hint = block.hint ? `<div class="hint">${textOf(block.hint)}</div>` : "";
  return `<div class="input-block" data-block-id="${id}"><label for="${inputId}">${textOf(block.label)}${optional}</label>${control}${hint}<div class="error" hidden></div></div>`;
}
// after a view's HTML is in the page, set initial selections that HTML alone cannot
function initialise(container, blocks) {
  for (const block of blocks || []) {
    const elements = block.type === "input" ? [block.element] : block.type === "actions" ? block.elements : block.accessory ? [block.accessory] : [];
    for (const element of elements || []) {
      if (!element) continue;
      const selector = `[data-block-id="${CSS.escape(block.block_id || "")}"][data-action-id="${CSS.escape(element.action_id || "")}"]`;
      const control = container.querySelector(selector);
      if (!control) continue;
      const chosen = [];
      if (element.initial_option) chosen.push(element.initial_option.value);
      (element.initial_options || []).forEach((o) => chosen.push(o.value));
      if (element.initial_user) chosen.push(element.initial_user);
      (element.initial_users || []).forEach((u) => chosen.push(u));
      if (element.initial_conversation) chosen.push(element.initial_conversation);
      (element.initial_conversations || []).forEach((c) => chosen.push(c));
      if (element.initial_channel) chosen.push(element.initial_channel);
      (element.initial_channels || []).forEach((c) => chosen.push(c));
      if (element.default_to_current_conversation && !chosen.length && state.view.kind === "channel") chosen.push(state.view.id);
      if (control.tagName === "SELECT") {
        for (const option of control.options) option.selected = chosen.includes(option.value);
      } else {
        control.querySelectorAll("input").forEach((input) => { input.checked = chosen.includes(input.value); });
      }
      if (element.type === "external_select" || element.type === "multi_external_select") loadExternal(control, block, element);
    }
  }
}

// ---------- the workspace model ----------
function channelMessages(channel) {
  if (!state.messages[channel]) state.messages[channel] = [];
  return state.messages[channel];
}
function dmOf(userId) { return "D" + userId.slice(1); }
function ownerOfDm(channel) { return "U" + channel.slice(1); }
function nextTs() { state.sequence++; return `${Math.floor(Date.now() / 1000)}.9${String(state.sequence).padStart(5, "0")}`; }
function findMessage(channel, ts) {
  for (const message of channelMessages(channel)) {
    if (message.ts === ts) return message;
    const reply = (message.replies || []).find((r) => r.ts === ts);
    if (reply) return reply;
  }
  return null;
}
function addMessage(channel, message) {
  if (channel.startsWith("U")) channel = dmOf(channel);
  message.channel = channel;
  message.replies = message.replies || [];
  if (message.thread_ts && message.thread_ts !== message.ts) {
    const parent = findMessage(channel, message.thread_ts);
    if (parent) { parent.replies.push(message); markUnread(channel); return; }
  }
  channelMessages(channel).push(message);
  markUnread(channel);
}
function removeMessage(channel, ts) {
  const list = channelMessages(channel);
  const index = list.findIndex((m) => m.ts === ts);
  if (index >= 0) list.splice(index, 1);
  for (const message of list) message.replies = (message.replies || []).filter((r) => r.ts !== ts);
}
function markUnread(channel) {
  if (!state.replaying && !(state.view.kind === "channel" && state.view.id === channel)) state.unread.add(channel);
}
function visibleTo(message, userId) {
  if (message.ephemeralFor && message.ephemeralFor !== userId) return false;
  if (message.channel.startsWith("D") && ownerOfDm(message.channel) !== userId) return false;
  return true;
}

// Apply one recorded Web API call where Slack would show it.
function apply(call) {
  const p = call.parameters || {};
  const answer = parse(call.answer, {});
  switch (call.method) {
    case "chat.postMessage":
      addMessage(answer.channel || p.channel, { ts: answer.ts || nextTs(), from: "legends", text: p.text, blocks: parse(p.blocks, null), thread_ts: p.thread_ts, at: call.at });
      break;
    case "chat.postEphemeral":
      addMessage(p.channel, { ts: answer.message_ts || nextTs(), from: "legends", text: p.text, blocks: parse(p.blocks, null), thread_ts: p.thread_ts, ephemeralFor: p.user, at: call.at });
      break;
    case "chat.update": {
      const channel = answer.channel || p.channel;
      const message = findMessage(channel, p.ts);
      if (message) {
        message.text = p.text; message.blocks = parse(p.blocks, null); message.edited = true;
      }
      break;
    }
    case "chat.delete": removeMessage(answer.channel || p.channel, p.ts); break;
    case "response_url": applyResponseUrl(call); break;
    case "views.open": case "views.push": {
      const user = (p.trigger_id || "").split(".")[1];
      if (!user || !answer.view || state.replaying) break;
      const stack = call.method === "views.open" ? [] : (state.modals[user] || []);
      stack.push(answer.view);
      state.modals[user] = stack;
      break;
    }
    case "views.update": {
      const view = answer.view;
      if (!view) break;
      for (const [user, home] of Object.entries(state.homes)) if (home.id === view.id) state.homes[user] = view;
      for (const stack of Object.values(state.modals)) {
        const index = stack.findIndex((v) => v.id === view.id || (p.external_id && v.external_id === p.external_id));
        if (index >= 0) stack[index] = view;
      }
      break;
    }
    case "views.publish": if (answer.view) state.homes[p.user_id] = answer.view; break;
    case "files.completeUploadExternal": {
      const files = answer.files || [];
      addMessage(p.channel_id, { ts: nextTs(), from: "legends", text: p.initial_comment || "", files, thread_ts: p.thread_ts, at: call.at });
      break;
    }
    default: break;
  }
}
function applyResponseUrl(call) {
  // https://hooks.legends-demo.invalid/commands/<seq>/<channel>/<user> or /actions/<seq>/<channel>/<ts>/<user>
  const parts = new URL(call.url).pathname.split("/").filter(Boolean);
  const channel = parts[2];
  const ts = parts[0] === "actions" ? parts[3] : null;
  const user = parts[parts.length - 1];
  const body = parse(call.body, { text: call.body });
  const original = ts ? findMessage(channel, ts) : null;
  if (body.delete_original) {
    if (ts) removeMessage(channel, ts);
    return;
  }
  if (body.replace_original && original) {
    original.text = body.text; original.blocks = body.blocks || null; original.edited = true;
    return;
  }
  addMessage(channel, { ts: nextTs(), from: "legends", text: body.text, blocks: body.blocks, ephemeralFor: body.response_type === "in_channel" ? null : user, thread_ts: body.thread_ts, at: call.at });
}

// ---------- rendering ----------
function render() {
  renderSidebar();
  const me = state.me;
  const homeShown = state.view.kind === "home";
  $("home").hidden = !homeShown;
  $("messages").hidden = homeShown;
  if (homeShown) {
    $("channel-title").textContent = "Legends";
    $("tabs").innerHTML = `<a href="#" data-tab="home" class="active">Home</a><a href="#" data-tab="messages">Messages</a>`;
    renderHome();
  } else {
    const channel = state.view.id;
    const dm = channel.startsWith("D");
    $("channel-title").textContent = dm ? "Legends" : "# " + channelName(channel);
    $("tabs").innerHTML = dm ? `<a href="#" data-tab="home">Home</a><a href="#" data-tab="messages" class="active">Messages</a>` : "";
    renderMessages($("messages"), channelMessages(channel).filter((m) => visibleTo(m, me)), true);
  }
  renderThread();
  renderModal();
}
function renderSidebar() {
  const channels = state.channels.map((c) => `<a href="#" class="nav${state.view.kind === "channel" && state.view.id === c.id ? " active" : ""}${state.unread.has(c.id) ? " unread" : ""}" data-channel="${c.id}"># ${escapeHtml(c.name)}</a>`).join("");
  $("nav-channels").innerHTML = channels;
  const dm = dmOf(state.me);
  $("nav-dm").dataset.channel = dm;
  $("nav-dm").className = `nav${state.view.kind === "channel" && state.view.id === dm ? " active" : ""}${state.unread.has(dm) ? " unread" : ""}`;
  $("nav-home").className = `nav${state.view.kind === "home" ? " active" : ""}`;
}
// Replace a container's content only when it changed, so that what someone is choosing or
// selecting in a message stays put while Legends sends something elsewhere.
function setHtml(container, html) {
  if (container.renderedHtml === html) return false;
  container.innerHTML = html;
  container.renderedHtml = html;
  return true;
}
function renderMessages(container, messages, withReplies) {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  if (!messages.length) {
    setHtml(container, `<div class="empty">No messages yet. Type a command below, e.g. <code>/legends help</code>.</div>`);
    return;
  }
  if (!setHtml(container, messages.map((m) => messageHtml(m, withReplies)).join("")) && container.dataset.channel === state.view.id) return;
  for (const message of messages) {
    const element = container.querySelector(`[data-ts="${CSS.escape(message.ts)}"]`);
    if (element && message.blocks) initialise(element, message.blocks);
  }
  if (atBottom || container.dataset.channel !== state.view.id) container.scrollTop = container.scrollHeight;
  container.dataset.channel = state.view.id;
}
function messageHtml(message, withReplies) {
  const legends = message.from === "legends";
  const who = legends ? "Legends" : personName(message.from);
  const initials = legends ? "L" : who.split(" ").map((w) => w[0]).join("").slice(0, 2);
  const time = message.at ? new Date(message.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
  const tags = `${legends ? `<span class="tag">APP</span>` : ""}<span class="time">${time}</span>${message.ephemeralFor ? `<span class="tag">Only visible to you</span>` : ""}`;
  const body = message.blocks && message.blocks.length ? renderBlocks(message.blocks) : `<div class="block-section"><div class="text">${mrkdwn(message.text || "")}</div></div>`;
  const files = (message.files || []).map((f) => fileHtml(f)).join("");
  const visibleReplies = (message.replies || []).filter((r) => visibleTo(r, state.me));
  const replies = withReplies && visibleReplies.length ? `<div class="replies" data-thread="${message.ts}">${visibleReplies.length} ${visibleReplies.length === 1 ? "reply" : "replies"}</div>` : "";
  return `<div class="message${message.ephemeralFor ? " ephemeral" : ""}" data-ts="${escapeHtml(message.ts)}" data-channel="${escapeHtml(message.channel)}" data-ephemeral="${message.ephemeralFor ? "true" : "false"}">
    <div class="avatar${legends ? " bot" : ""}">${escapeHtml(initials)}</div>
    <div class="body"><div class="meta">${escapeHtml(who)}${tags}</div>${body}${message.edited ? `<div class="edited">(edited)</div>` : ""}${files}${replies}</div></div>`;
}
function fileHtml(file) {
  const url = `/demo/files/${encodeURIComponent(file.id)}`;
  if ((file.mimetype || "").startsWith("image/")) {
    return `<div class="file"><div>${escapeHtml(file.title || file.name)}</div><img src="${url}" alt="${escapeHtml(file.title || file.name)}"></div>`;
  }
  return `<div class="file"><a class="file-card" href="${url}" target="_blank" download="${escapeHtml(file.name)}">📄 ${escapeHtml(file.title || file.name)} <small>(${escapeHtml(file.name)}, ${file.size} bytes)</small></a></div>`;
}
function renderThread() {
  const thread = state.thread;
  const parent = thread && thread.channel === state.view.id ? findMessage(thread.channel, thread.ts) : null;
  $("thread").hidden = !parent;
  if (!parent) return;
  renderMessages($("thread-messages"), [Object.assign({}, parent, { replies: [] }), ...parent.replies.filter((r) => visibleTo(r, state.me))], false);
}
function renderHome() {
  const home = state.homes[state.me];
  const container = $("home");
  if (!home) {
    setHtml(container, `<div class="empty">Opening Home…</div>`);
    return;
  }
  if (setHtml(container, `<div class="view" data-view-id="${escapeHtml(home.id)}">${renderBlocks(home.blocks)}</div>`)) initialise(container, home.blocks);
}
function topModal() {
  const stack = state.modals[state.me] || [];
  return stack[stack.length - 1];
}
function renderModal() {
  const view = topModal();
  const backdrop = $("modal-backdrop");
  if (!view) { backdrop.hidden = true; $("modal").dataset.viewId = ""; $("modal").dataset.hash = ""; return; }
  const modal = $("modal");
  if (!backdrop.hidden && modal.dataset.viewId === view.id && modal.dataset.hash === view.hash) return;
  backdrop.hidden = false;
  modal.dataset.viewId = view.id;
  modal.dataset.hash = view.hash;
  const stack = state.modals[state.me];
  const close = view.close ? view.close.text : (stack.length > 1 ? "Back" : "Cancel");
  modal.innerHTML = `<div class="modal-title"><span>${formatPlain(view.title ? view.title.text : "")}</span><button type="button" class="plain" id="modal-x" aria-label="Close">✕</button></div>
    <form class="modal-body" id="modal-form" novalidate>${renderBlocks(view.blocks, { kind: "view", view })}</form>
    <div class="modal-footer"><button type="button" id="modal-cancel">${formatPlain(close)}</button>${view.submit ? `<button type="submit" form="modal-form" class="primary" id="modal-submit">${formatPlain(view.submit.text)}</button>` : ""}</div>`;
  initialise(modal, view.blocks);
  const first = modal.querySelector(".modal-body input, .modal-body textarea, .modal-body select");
  if (first) first.focus();
}
function showErrors(errors) {
  const modal = $("modal");
  modal.querySelectorAll(".input-block").forEach((b) => { b.classList.remove("has-error"); const e = b.querySelector(".error"); e.hidden = true; e.textContent = ""; });
  let first = null;
  for (const [blockId, message] of Object.entries(errors || {})) {
    const block = modal.querySelector(`.input-block[data-block-id="${CSS.escape(blockId)}"]`);
    if (!block) { console.info("error for an unknown block", blockId, message); continue; }
    block.classList.add("has-error");
    const error = block.querySelector(".error");
    error.hidden = false;
    error.textContent = message;
    first = first || block;
  }
  if (first) first.scrollIntoView({ block: "center" });
}

// ---------- view state, as Slack sends it ----------
function stateValues(container, blocks) {
  const values = {};
  for (const block of blocks || []) {
    if (block.type !== "input" || !block.element) continue;
    const element = block.element;
    const control = container.querySelector(`[data-block-id="${CSS.escape(block.block_id)}"][data-action-id="${CSS.escape(element.action_id || "")}"]`);
    if (!control) continue;
    values[block.block_id] = { [element.action_id]: valueOf(element, control) };
  }
  return values;
}
function selectedOption(element, value) {
  const all = element.option_groups ? element.option_groups.flatMap((g) => g.options) : (element.options || []);
  return all.find((o) => o.value === value) || (element.loaded || []).find((o) => o.value === value) || null;
}
function valueOf(element, control) {
  const type = element.type;
  const selected = control.tagName === "SELECT" ? [...control.selectedOptions].map((o) => o.value).filter((v) => v !== "") : [];
  switch (type) {
    case "plain_text_input": case "number_input": case "url_text_input": case "email_text_input":
      return { type, value: control.value === "" ? null : control.value };
    case "datepicker": return { type, selected_date: control.value || null };
    case "timepicker": return { type, selected_time: control.value || null };
    case "datetimepicker": return { type, selected_date_time: control.value ? Math.floor(new Date(control.value).getTime() / 1000) : null };
    case "checkboxes": return { type, selected_options: [...control.querySelectorAll("input:checked")].map((i) => selectedOption(element, i.value)) };
    case "radio_buttons": { const checked = control.querySelector("input:checked"); return { type, selected_option: checked ? selectedOption(element, checked.value) : null }; }
    case "static_select": case "external_select": return { type, selected_option: selected.length ? selectedOption(element, selected[0]) : null };
    case "multi_static_select": case "multi_external_select": return { type, selected_options: selected.map((v) => selectedOption(element, v)) };
    case "users_select": return { type, selected_user: selected[0] || null };
    case "multi_users_select": return { type, selected_users: selected };
    case "conversations_select": return { type, selected_conversation: selected[0] || null };
    case "multi_conversations_select": return { type, selected_conversations: selected };
    case "channels_select": return { type, selected_channel: selected[0] || null };
    case "multi_channels_select": return { type, selected_channels: selected };
    default: return { type };
  }
}
function viewWithState(view) {
  const container = $("modal").dataset.viewId === view.id ? $("modal") : $("home");
  return Object.assign({}, view, { state: { values: stateValues(container, view.blocks) } });
}
function actionFrom(control, element) {
  const action = { type: element.type, action_id: element.action_id, block_id: control.dataset.blockId };
  if (element.type === "button") {
    action.text = element.text;
    if (element.value !== undefined) action.value = element.value;
    if (element.style) action.style = element.style;
    return action;
  }
  Object.assign(action, valueOf(element, control));
  if (element.type === "overflow") action.selected_option = selectedOption(element, control.value);
  return action;
}

// ---------- talking to the demo endpoints ----------
async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    console.info(`${path} answered ${response.status}`);
    return { status: response.status, ack: "" };
  }
  return response.json();
}
async function sendCommand(text) {
  const user = state.me;
  const channel = state.view.kind === "home" ? dmOf(user) : state.view.id;
  if (state.view.kind === "home") show({ kind: "channel", id: channel });
  addMessage(channel, { ts: nextTs(), from: user, text: "`/legends " + text.replace(/`/g, "'") + "`", ephemeralFor: user, at: new Date().toISOString() });
  render();
  const reply = await post("/demo/command", { user, channel, text });
  const ack = parse(reply.ack, reply.ack ? { text: reply.ack } : null);
  if (ack && (ack.text || ack.blocks)) {
    addMessage(channel, { ts: nextTs(), from: "legends", text: ack.text, blocks: ack.blocks, ephemeralFor: ack.response_type === "in_channel" ? null : user, at: new Date().toISOString() });
  }
  // shown now: a poll that ran while the command was on its way has already rendered
  render();
  await poll();
}
async function interact(payload) {
  const reply = await post("/demo/interact", { user: state.me, payload });
  state.dirty = true;
  await poll();
  return parse(reply.ack, null);
}
async function submitModal() {
  const view = topModal();
  if (!view) return;
  const button = $("modal-submit");
  if (button) button.disabled = true;
  try {
    const ack = await interact({ type: "view_submission", view: viewWithState(view), response_urls: [] });
    const stack = state.modals[state.me] || [];
    if (ack && ack.response_action === "errors") { showErrors(ack.errors); return; }
    if (ack && ack.response_action === "update") stack[stack.length - 1] = Object.assign({ id: view.id, hash: nextTs() }, ack.view);
    else if (ack && ack.response_action === "push") stack.push(Object.assign({ id: "V0ACK" + nextTs(), hash: nextTs() }, ack.view));
    else if (ack && ack.response_action === "clear") stack.length = 0;
    else {
      const index = stack.indexOf(view);
      if (index >= 0) stack.splice(index, 1);
    }
    render();
  } finally {
    if (button && document.body.contains(button)) button.disabled = false;
  }
}
async function closeModal(all) {
  const stack = state.modals[state.me] || [];
  const view = stack[stack.length - 1];
  if (!view) return;
  if (all) stack.length = 0; else stack.pop();
  render();
  if (view.notify_on_close) await interact({ type: "view_closed", view: viewWithState(view), is_cleared: !!all });
}
async function blockAction(control) {
  const element = parse(control.dataset.element, null);
  if (!element) return;
  if (element.confirm && !(await confirmDialog(element.confirm))) return;
  const messageElement = control.closest(".message");
  const viewElement = control.closest("[data-view-id]");
  const payload = { type: "block_actions", actions: [actionFrom(control, element)] };
  if (messageElement) {
    const channel = messageElement.dataset.channel;
    const ts = messageElement.dataset.ts;
    const message = findMessage(channel, ts);
    payload.container = { type: "message", message_ts: ts, channel_id: channel, is_ephemeral: messageElement.dataset.ephemeral === "true" };
    payload.channel = { id: channel, name: channelName(channel) };
    if (message && !message.ephemeralFor) payload.message = { type: "message", ts, text: message.text || "", blocks: message.blocks || [] };
  } else if (viewElement) {
    const view = viewElement.id === "modal" ? topModal() : state.homes[state.me];
    if (!view) return;
    payload.container = { type: "view", view_id: view.id };
    payload.view = viewWithState(view);
  }
  control.disabled = true;
  try { await interact(payload); } finally { control.disabled = false; render(); }
}
async function loadExternal(control, block, element) {
  const view = topModal();
  const ack = await post("/demo/interact", { user: state.me, payload: { type: "block_suggestion", action_id: element.action_id, block_id: block.block_id, value: "", view: view ? viewWithState(view) : undefined, container: view ? { type: "view", view_id: view.id } : undefined } });
  const answer = parse(ack.ack, {});
  const list = answer.option_groups ? answer.option_groups.flatMap((g) => g.options) : (answer.options || []);
  element.loaded = list;
  control.insertAdjacentHTML("beforeend", options(list));
}
function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const backdrop = $("confirm-backdrop");
    const dialog = $("confirm");
    const style = confirm.style === "danger" ? "danger-solid" : "primary";
    dialog.innerHTML = `<div class="modal-title">${formatPlain(confirm.title ? confirm.title.text : "Are you sure?")}</div>
      <div class="modal-body">${textOf(confirm.text)}</div>
      <div class="modal-footer"><button type="button" id="confirm-deny">${formatPlain(confirm.deny ? confirm.deny.text : "Cancel")}</button>
      <button type="button" id="confirm-ok" class="${style}">${formatPlain(confirm.confirm ? confirm.confirm.text : "Yes")}</button></div>`;
    backdrop.hidden = false;
    const done = (answer) => { backdrop.hidden = true; resolve(answer); };
    $("confirm-deny").onclick = () => done(false);
    $("confirm-ok").onclick = () => done(true);
  });
}
let polling = null;
async function poll() {
  if (polling) return polling;
  polling = (async () => {
    try {
      const response = await fetch(`/demo/events?since=${state.since}`);
      if (!response.ok) return;
      const events = await response.json();
      events.calls.forEach(apply);
      state.since = events.next;
      state.replaying = false;
      if (events.calls.length || state.dirty) render();
      state.dirty = false;
    } catch (e) {
      console.info("poll failed", e.message);
    } finally {
      polling = null;
    }
  })();
  return polling;
}
function show(view) {
  state.view = view;
  if (view.kind === "channel") state.unread.delete(view.id);
  if (!state.thread || state.thread.channel !== view.id) state.thread = null;
  render();
  if (view.kind === "home") post("/demo/home", { user: state.me }).then(poll);
}

// ---------- wiring ----------
document.addEventListener("click", (event) => {
  const nav = event.target.closest("a.nav, #tabs a");
  if (nav) {
    event.preventDefault();
    if (nav.dataset.channel) show({ kind: "channel", id: nav.dataset.channel });
    else if (nav.dataset.target === "home" || nav.dataset.tab === "home") show({ kind: "home" });
    else if (nav.dataset.tab === "messages") show({ kind: "channel", id: dmOf(state.me) });
    return;
  }
  const replies = event.target.closest(".replies");
  if (replies) { state.thread = { channel: state.view.id, ts: replies.dataset.thread }; render(); return; }
  const button = event.target.closest("button.block-button");
  if (button) { blockAction(button); return; }
  if (event.target.id === "modal-x") closeModal(true);
  if (event.target.id === "modal-cancel") closeModal(false);
  if (event.target.id === "thread-close") { state.thread = null; render(); }
});
document.addEventListener("change", (event) => {
  const control = event.target.closest(".block-select");
  if (control) blockAction(control);
});
document.addEventListener("submit", (event) => {
  event.preventDefault();
  if (event.target.id === "modal-form") { submitModal(); return; }
  if (event.target.id === "command") {
    const input = $("text");
    const text = input.value.trim().replace(/^\/legends\s*/, "");
    input.value = "";
    sendCommand(text);
  }
});
$("user").addEventListener("change", () => {
  state.me = $("user").value;
  if (state.view.kind === "channel" && state.view.id.startsWith("D")) state.view = { kind: "channel", id: dmOf(state.me) };
  show(state.view);
});
const CHIPS = ["help", "me", "top", "top last week efficiency", "top usage", "why @grace", "team Platform", "report Shipped the billing export", "goals", "team setup", "digest setup", "digest now", "export", "key list"];
for (const chip of CHIPS) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "/legends " + chip;
  button.addEventListener("click", () => sendCommand(chip));
  $("chips").appendChild(button);
}

async function start() {
  const workspace = await (await fetch("/demo/workspace")).json();
  state.people = workspace.people;
  state.channels = workspace.channels;
  for (const person of state.people) {
    const option = document.createElement("option");
    option.value = person.id;
    option.textContent = person.name + (person.admin ? " (admin)" : "");
    $("user").appendChild(option);
  }
  const params = new URLSearchParams(location.search);
  state.me = params.get("user") && state.people.some((p) => p.id === params.get("user")) ? params.get("user") : state.people[0].id;
  $("user").value = state.me;
  const channel = params.get("channel");
  state.view = channel === "home" ? { kind: "home" } : { kind: "channel", id: channel || state.channels[0].id };
  await poll();
  state.replaying = false;
  show(state.view);
  setInterval(poll, 1000);
  if (params.get("run") !== null) sendCommand(params.get("run"));
  document.body.dataset.ready = "true";
}
start();
