#!/usr/bin/env python3
"""Génère game/core/src/load/falc/mots-courants.txt : les mots français courants
que la vérification FALC de `dedale-cli check` accepte sans avertissement.

Source : le paquet PyPI `wordfreq` 3.1.1 (Robyn Speer), liste « large » du
français, qui est dans la roue (wordfreq/data/large_fr.msgpack.gz) : aucun
téléchargement au moment de l'exécution. Son code est sous licence Apache-2.0,
ses données sous CC BY-SA 4.0 ; la liste générée en dérive, elle est donc sous
CC BY-SA 4.0 (voir l'en-tête du fichier produit).

Règle (documentée aussi dans scenarios/README.md, « Écrire en FALC ») :
- les 10 000 formes les plus fréquentes ;
- plus les formes en « -ez » parmi les 100 000 plus fréquentes : « cochez »,
  « saisissez », « appuyez »… Un texte FALC s'adresse au lecteur avec « vous »,
  alors que le corpus de wordfreq, écrit surtout à la troisième personne, les
  classe loin.
Les mots sont découpés comme wordfreq les découpe : « rendez-vous » donne
« rendez » et « vous », « l'adresse » donne « l » et « adresse », mais
« aujourd'hui » et « jusqu'à » restent entiers.

Usage :
    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/mots-courants.py > game/core/src/load/falc/mots-courants.txt
"""

from importlib.metadata import version

import wordfreq

TOP = 10_000
VOUS_FORMS_WITHIN = 100_000


def is_word(token: str) -> bool:
    """Letters, and the apostrophe wordfreq keeps in « aujourd'hui », « jusqu'à »."""
    return token.replace("'", "").isalpha() and token[0] != "'" and token[-1] != "'"


def main() -> None:
    ranked = wordfreq.top_n_list("fr", VOUS_FORMS_WITHIN, wordlist="large")
    words = [w for w in ranked[:TOP] if is_word(w)]
    words += [w for w in ranked[TOP:] if is_word(w) and w.endswith("ez")]
    print(f"# Mots français courants pour la vérification FALC de Dédale : {len(words)} formes.")
    print(f"# Les {TOP} plus fréquentes de wordfreq {version('wordfreq')} (liste « large »),")
    print(f"# plus les formes en -ez parmi les {VOUS_FORMS_WITHIN} premières.")
    print("# Données : wordfreq, https://github.com/rspeer/wordfreq, CC BY-SA 4.0 ;")
    print("# cette liste en dérive et reste sous CC BY-SA 4.0.")
    print("# Générée par scripts/mots-courants.py ; ne pas modifier à la main.")
    for w in sorted(set(words)):
        print(w)


if __name__ == "__main__":
    main()
