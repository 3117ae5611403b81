### Les mots de l'interface du jeu, en français (la langue de référence).
###
### Chaque ligne `identifiant = texte` est un message. Les dossiers `en` et
### `falc` ont exactement les mêmes identifiants ; le jeu ne se construit pas
### s'il en manque un. `{ $n }` est remplacé par un nombre ou un nom au moment
### de l'affichage : gardez-le tel quel. Un nombre qui change les mots
### s'écrit avec trois formes, `[0]`, `[one]` (un) et `*[other]` (plusieurs).
###
### Every string of the interface. Written in Fluent (https://projectfluent.org);
### `build/main.rs` turns these files into this struct and its statics.

abandon = Abandonner
abandon-help = Vous pourrez recommencer quand vous voulez. Le bilan vous dira où trouver de l'aide pour cette démarche.
abandon-title = Abandonner la démarche ?
abandon-yes = Oui, abandonner
all-documents = Tous les documents
answer-first = Répondez avant de continuer sur le site.
back = Retour
begin = Commencer
browser-back = Page précédente
captcha-alt = image de sécurité, caractères à recopier :
chosen = choisi
choose = Choisissez…
choose-file = Choisir un fichier
choose-title = Choisissez une démarche
# The desk's clock, in whole minutes: no seconds ticking by (no time pressure).
clock = { $n } min
clock-help = Le temps passé sur la démarche. Certains sites ferment la session si l'on ne fait rien pendant longtemps.
competences = Compétences
dialogue = Dialogue
difficulty = Difficulté
easy = facile
falc = Facile à lire
# Beside the language choice, when « Facile à lire » is chosen and the scenario
# does not give all its texts in FALC (its `languages` lacks `Falc`).
falc-missing = Ce scénario n'a pas encore de version facile à lire pour tous ses textes : les autres restent en français courant.
folder = Dossier
folder-help = Les papiers de la personne. Ouvrez-les pour trouver les informations demandées.
for-both = pour l'atelier et la formation
for-learners = pour l'atelier
for-students = pour la formation
# The heading of a form's error summary: "1 erreur", "3 erreurs", as portals write it.
form-errors =
    { $n ->
        [0] Le formulaire ne contient aucune erreur.
        [one] Le formulaire contient 1 erreur :
       *[other] Le formulaire contient { $n } erreurs :
    }
goal = Le but
hard = difficile
hide = Masquer
high-contrast = Contraste élevé
hint = Indice
invalid-scenario = Ce scénario contient des erreurs. Corrigez le fichier aux lignes indiquées.
keep-going = Continuer la démarche
language = Langue
loading = Préparation des démarches…
look-at = Regardez :
mail = Messagerie
medium = moyenne
minutes = min
mode = Mode de jeu
mode-atelier = Atelier : je fais la démarche
mode-atelier-help = Pour s'entraîner sans risque, avec des indices. Prenez votre temps.
mode-formation = Formation : j'accompagne une personne
mode-formation-help = Pour les futurs professionnels : faire avec la personne ou à sa place ? Vos choix comptent.
no-dialogue = La personne attend la suite.
open-file = Ouvrir un fichier de scénario…
no-file = Aucun fichier choisi
no-message = Aucun message pour l'instant.
not-secure = Non sécurisé
other-mode = Ce scénario se joue dans l'autre mode : il s'ouvrira dans le bon.
other-scenario = Choisir une autre démarche
pause = Pause
paused = En pause
paused-help = Le temps est arrêté. Reprenez quand vous êtes prêt ou prête.
phone = Téléphone
# The desk's letterbox tab (format 2's letters).
post = Courrier
# The folder's group of the files downloaded during play.
downloads = Téléchargements
# The letterbox when nothing has arrived.
no-letter = Rien dans la boîte aux lettres pour l'instant.
# A letter has been sent and has not arrived yet.
letter-on-its-way = Un courrier est en route. Par la poste, il met quelques jours.
# The button that lets game time pass until it arrives.
wait-for-letter = Attendre le facteur
play = Jouer cette démarche
replay = Rejouer
required = obligatoire
resume = Reprendre
role-atelier = Vous êtes { $name }. Faites la démarche vous-même, à votre rythme.
role-formation = Vous êtes le ou la professionnelle qui accompagne { $name }. À vous de choisir comment.
secure = Sécurisé
settings = Réglages
# What the desk's settings button opens: the language can change during a run.
settings-help = Langue, taille du texte, contraste et sons.
show = Afficher
sound = Sons
start = Commencer
tagline = S'entraîner aux démarches en ligne, sans risque.
text-size = Taille du texte :
upload-rules = Formats acceptés : { $formats }. Taille maximale : { $max } Mo.
who = Qui
you = Vous
your-files = Vos fichiers :

# The speaker button's name for screen readers and its tooltip.
read-aloud = Écouter
# The "read the page" button, with its shortcut.
read-page = Écouter la page (Alt+L)
read-page-help = Le bouton en forme de haut-parleur lit à voix haute le texte à côté de lui. Alt+L lit toute la page.
speech-rate = Vitesse de lecture :
dyslexia-font = Police adaptée à la dyslexie (OpenDyslexic)
line-spacing = Interligne :
# The warning before a page's session expires.
timeout-title = Êtes-vous toujours là ?
timeout-help = Sans action de votre part, le site fermera votre session dans { $n } min, et ce que vous avez écrit sur cette page sera effacé.
timeout-more = Je continue
# The browser's tab on a narrow screen.
site = Site
