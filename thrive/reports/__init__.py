"""Publications: the annual Progress Report, the quarterly Corporate Performance Report and board packs.

Every report is made from one dated assessment run (thrive.services.assessment_runs): it shows what that run
judged, with its reasons, and never judges anything itself. The same run always gives the
same HTML and XLSX, byte for byte.
"""
