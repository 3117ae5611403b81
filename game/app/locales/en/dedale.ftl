### The game's interface in English. Same identifiers as `../fr/dedale.ftl`,
### which is the reference: its comments say what each text is for.

abandon = Give up
abandon-help = You can start again whenever you like. The debrief will tell you where to get help with this procedure.
abandon-title = Give up the procedure?
abandon-yes = Yes, give up
all-documents = All documents
answer-first = Answer before going on with the website.
back = Back
begin = Start
browser-back = Previous page
captcha-alt = security picture, characters to copy:
chosen = chosen
choose = Choose…
choose-file = Choose a file
choose-title = Choose a procedure
clock = { $n } min
clock-help = Time spent on the procedure. Some websites close the session after a long time without any action.
competences = Skills
dialogue = Dialogue
difficulty = Difficulty
easy = easy
falc = Easy to read
falc-missing = This scenario does not have an easy-to-read version of all its texts yet: the others stay in standard French.
folder = Folder
folder-help = The person's papers. Open them to find the information asked for.
for-both = for workshops and training
for-learners = for workshops
for-students = for training
form-errors =
    { $n ->
        [0] The form has no errors.
        [one] The form has 1 error:
       *[other] The form has { $n } errors:
    }
goal = The goal
hard = hard
hide = Hide
high-contrast = High contrast
hint = Hint
invalid-scenario = This scenario has errors. Fix the file at the lines shown.
keep-going = Keep going
language = Language
loading = Preparing the procedures…
look-at = Look at:
mail = E-mail
medium = medium
minutes = min
mode = Game mode
mode-atelier = Workshop: I do the procedure
mode-atelier-help = To practise safely, with hints. Take your time.
mode-formation = Training: I support a person
mode-formation-help = For future professionals: do it with the person or for them? Your choices count.
no-dialogue = The person is waiting for what comes next.
open-file = Open a scenario file…
no-file = No file chosen
no-message = No message yet.
not-secure = Not secure
other-mode = This scenario is played in the other mode: it will open in the right one.
other-scenario = Choose another procedure
pause = Pause
paused = Paused
paused-help = Time is stopped. Resume when you are ready.
phone = Phone
post = Letters
downloads = Downloads
no-letter = Nothing in the letterbox yet.
letter-on-its-way = A letter is on its way. By post, it takes a few days.
wait-for-letter = Wait for the postman
play = Play this procedure
replay = Play again
required = required
resume = Resume
role-atelier = You are { $name }. Do the procedure yourself, at your own pace.
role-formation = You are the professional supporting { $name }. It is up to you how.
secure = Secure
settings = Settings
settings-help = Language, text size, contrast and sounds.
show = Show
sound = Sounds
start = Start
tagline = Practise online procedures, safely.
text-size = Text size:
upload-rules = Accepted formats: { $formats }. Maximum size: { $max } MB.
who = Who
you = You
your-files = Your files:

read-aloud = Listen
read-page = Listen to the page (Alt+L)
read-page-help = The loudspeaker button reads the text beside it aloud. Alt+L reads the whole page.
speech-rate = Reading speed:
dyslexia-font = Dyslexia-friendly font (OpenDyslexic)
line-spacing = Line spacing:
timeout-title = Are you still there?
timeout-help = If you do nothing, the website will close your session in { $n } min, and what you typed on this page will be erased.
timeout-more = I'm still here
