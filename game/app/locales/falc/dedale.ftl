### Les mots de l'interface en FALC : le français facile à lire et à comprendre
### (règles européennes d'Inclusion Europe). Mêmes identifiants que
### `../fr/dedale.ftl`, qui dit à quoi sert chaque texte.
###
### Pour écrire en FALC : des phrases courtes, une idée par phrase, des mots
### de tous les jours, les chiffres en chiffres, parler à la personne (« vous »).
### Gardez les mots que la personne verra sur les vrais sites (« obligatoire »,
### « Sécurisé ») : le jeu sert aussi à les apprendre.

abandon = Arrêter
abandon-help = Vous pouvez recommencer plus tard. À la fin, le jeu vous dit où trouver de l'aide.
abandon-title = Vous voulez arrêter ?
abandon-yes = Oui, j'arrête
all-documents = Tous les papiers
answer-first = Répondez d'abord. Ensuite, continuez sur le site.
back = Retour
begin = Commencer
browser-back = Page d'avant
captcha-alt = image de sécurité. Recopiez ces lettres et ces chiffres :
chosen = choisi
choose = Choisissez…
choose-file = Choisir un fichier
choose-title = Choisissez une démarche
clock = { $n } minutes
clock-help = Le temps passé sur la démarche. Sur certains sites, il faut agir assez vite. Sinon, le site vous déconnecte.
competences = Ce que vous apprenez
dialogue = Discussion
difficulty = Niveau
easy = facile
falc = Facile à lire
falc-missing = Ce scénario n'a pas tous ses textes en facile à lire. Les autres textes sont en français de tous les jours.
folder = Papiers
folder-help = Ce sont les papiers de la personne. Ouvrez un papier. Vous y trouvez les informations à écrire.
for-both = pour l'atelier et pour la formation
for-learners = pour l'atelier
for-students = pour la formation
form-errors =
    { $n ->
        [0] Il n'y a pas d'erreur.
        [one] Il y a 1 erreur dans le formulaire :
       *[other] Il y a { $n } erreurs dans le formulaire :
    }
goal = Ce que vous devez faire
hard = difficile
hide = Cacher
high-contrast = Couleurs plus fortes
hint = Aide
invalid-scenario = Ce scénario a des erreurs. Corrigez le fichier. Les numéros montrent les lignes à corriger.
keep-going = Continuer
language = Langue
loading = Le jeu se prépare…
look-at = Regardez :
mail = E-mails
medium = moyen
minutes = minutes
mode = Façon de jouer
mode-atelier = Atelier : je fais la démarche moi-même
mode-atelier-help = Vous vous entraînez. Il n'y a pas de risque. Vous pouvez demander de l'aide. Prenez votre temps.
mode-formation = Formation : j'aide une personne
mode-formation-help = Pour les personnes qui apprennent un métier d'aide. Vous faites avec la personne ? Ou à sa place ? Vous choisissez.
no-dialogue = La personne attend.
open-file = Ouvrir un fichier de scénario…
no-file = Pas de fichier choisi
no-message = Pas de message pour le moment.
not-secure = Pas sécurisé
other-mode = Ce scénario se joue dans l'autre façon de jouer. Le jeu change tout seul.
other-scenario = Choisir une autre démarche
pause = Pause
paused = Le jeu est en pause
paused-help = Le temps est arrêté. Reprenez quand vous voulez.
phone = Téléphone
post = Lettres
downloads = Fichiers téléchargés
no-letter = Pas de lettre pour le moment.
letter-on-its-way = Une lettre va arriver. La poste met quelques jours.
wait-for-letter = Attendre la lettre
play = Faire cette démarche
replay = Rejouer
required = obligatoire
resume = Reprendre
role-atelier = Vous êtes { $name }. Vous faites la démarche. Prenez votre temps.
role-formation = Votre métier est d'aider les personnes. Vous aidez { $name }. Vous choisissez comment aider.
secure = Sécurisé
settings = Réglages
settings-help = Changer la langue, la taille des lettres, les couleurs et les sons.
show = Montrer
sound = Sons
start = Commencer
tagline = Apprendre à faire ses démarches sur Internet. Sans risque.
text-size = Taille des lettres :
upload-rules = Types de fichier acceptés : { $formats }. Le fichier doit faire { $max } Mo au plus.
who = Qui
you = Vous
your-files = Vos fichiers :

read-aloud = Écouter
read-page = Écouter la page (Alt+L)
read-page-help = Le bouton haut-parleur lit le texte à voix haute. Les touches Alt et L lisent toute la page.
speech-rate = Vitesse de la voix :
dyslexia-font = Lettres faciles à lire pour les personnes dyslexiques
line-spacing = Espace entre les lignes :
timeout-title = Vous êtes toujours là ?
timeout-help = Le site va bientôt fermer. Il reste { $n } minutes. Si le site ferme, vous perdez ce que vous avez écrit sur cette page.
timeout-more = Je continue
site = Site internet
