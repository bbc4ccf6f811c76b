"""CAMEO and PLOVER: code names, PLOVER category/mode/context, Goldstein, QuadClass."""

from eventwire.ontology.cameo import CameoCode, Ontology, load_ontology, plover_of_code

__all__ = ["CameoCode", "Ontology", "load_ontology", "plover_of_code"]
