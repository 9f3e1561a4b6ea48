// Check as you type: for every text box marked data-wording-check, ask the service which words
// to check after the person pauses, and list them under the box. Without JavaScript, the same
// findings appear on the page after saving.
const PAUSE_MS = 600

function findingsList (findings) {
  const list = document.createElement('ul')
  list.className = 'govuk-list'
  for (const finding of findings) {
    const item = document.createElement('li')
    if (finding.explanation.includes(finding.text)) {
      // The explanation names the words itself: say them once.
      item.append(finding.explanation)
    } else {
      const words = document.createElement('strong')
      words.className = 'govuk-!-font-weight-bold'
      words.textContent = '“' + finding.text + '”'
      item.append(words, ': ' + finding.explanation)
    }
    for (const suggestion of finding.suggestions) {
      const tip = document.createElement('span')
      tip.className = 'govuk-body-s'
      tip.textContent = 'Try: ' + suggestion
      item.append(document.createElement('br'), tip)
    }
    list.append(item)
  }
  return list
}

function watch (box, url, token) {
  const panel = document.createElement('div')
  panel.className = 'govuk-inset-text sf-findings'
  panel.setAttribute('aria-live', 'polite')
  panel.hidden = true
  box.closest('.govuk-form-group').append(panel)
  let timer = null
  box.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      const body = new FormData()
      body.append('text', box.value)
      // Where the words are written changes their explanation (safeguarding evidence, say).
      if (box.dataset.wordingContext) body.append('context', box.dataset.wordingContext)
      body.append('csrfmiddlewaretoken', token)
      const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' })
      if (!response.ok) return
      const { findings } = await response.json()
      const shown = findings.filter(f => f.category !== 'long-sentence' && f.category !== 'unexplained-acronym')
      panel.replaceChildren()
      panel.hidden = shown.length === 0
      if (shown.length) {
        const heading = document.createElement('p')
        heading.className = 'govuk-body govuk-!-font-weight-bold'
        heading.textContent = 'Words to check'
        panel.append(heading, findingsList(shown))
      }
    }, PAUSE_MS)
  })
}

for (const form of document.querySelectorAll('form[data-wording-url]')) {
  const token = form.querySelector('input[name="csrfmiddlewaretoken"]')
  if (!token) continue
  for (const box of form.querySelectorAll('textarea[data-wording-check]')) {
    watch(box, form.dataset.wordingUrl, token.value)
  }
}
